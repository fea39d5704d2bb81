/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one widget kit: the controls and text layouts the screens share, built
 * from the immediate-mode UI with the theme's colours and the metrics' sizes.
 * It knows nothing of the App: a Kit is the UI, the metrics and the theme. */
#ifndef LULL_WIDGETS_H
#define LULL_WIDGETS_H

#include <stddef.h>

#include "lull/keyboard.h"
#include "lull/theme.h"
#include "lull/ui.h"

typedef struct {
    Ui *ui;
    const Metrics *m;
    const Theme *t;
} Kit;

/* The plain button, the primary action (Save, Continue), the big tile and the
 * quiet (background-coloured) button. */
UiStyle widget_style_button(const Kit *k);
UiStyle widget_style_primary(const Kit *k);
UiStyle widget_style_tile(const Kit *k);
UiStyle widget_style_quiet(const Kit *k);

/* A settings row in view: the label at the left, or above the controls on a
 * narrow screen. Returns the controls' rectangle and moves *y past the row. */
Rect widget_settings_row(const Kit *k, Rect view, int *y, const char *label);
/* count equal buttons across r; returns the index tapped or -1. */
int widget_choice_row(const Kit *k, Rect r, const char *const *labels, const char *const *texts,
                      int count, int selected);
/* A stepper: an optional caption, then [−] value [+] from r's left. */
typedef struct {
    const char *caption; /* NULL: none */
    int caption_w;
    const char *value; /* NULL: left for the caller to draw */
    int value_w;       /* 0: all that is left of r between the buttons */
    const char *less;  /* the buttons' labels, "Volume down" */
    const char *more;
    int can_less, can_more;
    int button_w; /* 0: the kit's, a unit and a half */
} WidgetStep;
/* Returns -1 or +1 for the button tapped, else 0. */
int widget_step(const Kit *k, Rect r, const WidgetStep *step);
/* "name down" − value% + "name up" across r, stepping *value by step within
 * lo..hi; returns 1 when it changed. */
int widget_stepper(const Kit *k, Rect r, const char *name, int *value, int lo, int hi, int step);
/* Big up/down buttons in column beside a scrolling view. */
void widget_scroll_arrows(const Kit *k, UiScroll *sc, Rect column, int can_up, int can_down);

/* A chip of a wrapping flow: label is the target's, text what it shows (NULL: the label). */
typedef struct {
    const char *label;
    const char *text;
    int selected;
    int disabled;
} WidgetChip;
/* How chips flow across an area. */
typedef enum {
    WIDGET_FLOW_WRAP,    /* each at its own width, wrapping to the next row */
    WIDGET_FLOW_EQUAL,   /* all as wide as the widest, rows balanced: 6 and 5, not 10 and 1 */
    WIDGET_FLOW_GRID,    /* all as wide as the widest, each row filled in turn */
    WIDGET_FLOW_STRETCH, /* each at its own width, every row stretched to the full width */
} WidgetFlowKind;
typedef struct {
    WidgetFlowKind kind;
    int row_h;        /* 0: the kit's chip height */
    int min_w;        /* 0: a touch target (never less than one) */
    int pad_quarters; /* room beside the text, in quarters of its size; 0: 6 (1.5 ×) */
    float lift;       /* how much accent a selected chip's background takes; 0: 0.4 */
    int gap;          /* between chips; 0: the kit's gap */
} WidgetFlow;
/* Chips laid out as flow says (NULL: wrapping, the kit's sizes); *tapped is set
 * to the one tapped. Returns the height used; with draw 0 only measures. */
int widget_chips(const Kit *k, Rect area, WidgetChip *chips, int count, int *tapped,
                 const UiStyle *style, const WidgetFlow *flow, int draw);
/* A chip's own width under flow, at most max_w. */
int widget_chip_width(const Kit *k, const WidgetChip *chip, const UiStyle *style,
                      const WidgetFlow *flow, int max_w);
/* The kit's chips: wrapping, or all as wide as the widest with equal_width.
 * widget_flow_height measures without declaring. */
int widget_flow(const Kit *k, Rect area, WidgetChip *chips, int count, int *tapped,
                const UiStyle *style, int equal_width);
int widget_flow_height(const Kit *k, int width, const WidgetChip *chips, int count,
                       const UiStyle *style, int equal_width);

/* Text made of parts joined by sep (" · ", ", "): as many whole parts on a
 * line as fit r's width, each line one text, so a figure is never split.
 * Returns the height; with draw 0 only measures. */
int widget_parts(const Kit *k, const char *text, const char *sep, Rect r, int px, Color c,
                 int draw);
/* One line of ui_wrap_lines' output, drawn in r. */
void widget_draw_line(Ui *ui, const char *text, UiLine line, Rect r, int px, Color c);
/* A text editor in area: the text with a counter, and the on-screen keyboard
 * below. Returns 1 when Done was tapped. */
int widget_editor(const Kit *k, Rect area, Keyboard *kb);
/* A one-line field for a name in area, framed in accent, with its counter, a
 * hint when there is room (NULL: "Type, then Done"; warn: drawn as a warning),
 * and the on-screen keyboard below. Returns what the keyboard did
 * (KEYBOARD_DONE when Done was tapped). */
KeyboardResult widget_name_field(const Kit *k, Rect area, Keyboard *kb, Color accent,
                                 const char *hint, int warn);

#endif
