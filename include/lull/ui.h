/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Lull's immediate-mode UI: controls are declared every pass, draw commands are
 * appended to a DrawList, and every control records its label and rectangle so
 * automation and tests can find it. The touch rules live here and nowhere else.
 * Pure C11: no SDL, no clock (time arrives as a parameter). */
#ifndef LULL_UI_H
#define LULL_UI_H

#include <stdint.h>

#include "lull/debounce.h"
#include "lull/draw.h"

/* The least contrast of a word or a glyph with what it is drawn on (WCAG AA). */
#define UI_MIN_CONTRAST 4.5

enum {
    UI_LABEL_MAX = 96,
    UI_MAX_TARGETS = 256,
};

typedef enum {
    UI_INPUT_NONE,
    UI_INPUT_PRESS,
    UI_INPUT_MOVE,
    UI_INPUT_RELEASE,
    UI_INPUT_CANCEL, /* the pointer went away (window lost focus, touch cancelled) */
} UiInputKind;

typedef struct {
    UiInputKind kind;
    int x, y; /* logical pixels, rotation already applied */
} UiInput;

/* Width in pixels of text at a pixel size; provided by the platform (SDL_ttf)
 * or by a test's fake. */
typedef int (*UiMeasureFn)(void *ctx, const char *text, int size_px);

typedef struct {
    char label[UI_LABEL_MAX];
    Rect rect;    /* where it is on screen (after any 180° turn and scrolling) */
    Rect visible; /* the part that can be touched (clipped to its scroll view) */
    uint32_t id;  /* hash of the label */
    int scroll;   /* scroll region index + 1, or 0 when not in one */
} UiTarget;

typedef enum {
    UI_FIRE_ON_PRESS = 1 << 0, /* Pause and Stop: act on touch-down */
    UI_DEBOUNCE = 1 << 1,      /* the same control twice within 0.5 s counts once */
    UI_SELECTED = 1 << 2,      /* drawn as chosen (a toggle that is on) */
    UI_DISABLED = 1 << 3,      /* visible, never fires, not a target */
    UI_QUIET = 1 << 4,         /* no background: a transparent area (e.g. tap anywhere) */
    UI_SMALL_TEXT = 1 << 5,
} UiFlags;

typedef struct {
    Color bg, fg, accent, frame;
    int text_px; /* label size */
    int radius;
} UiStyle;

typedef struct {
    Rect view;     /* the visible window of the region */
    int offset;    /* px scrolled from the top */
    int content_h; /* set by the screen each pass */
} UiScroll;

enum { UI_MAX_SCROLLS = 4 };

typedef struct Ui {
    DrawList *draw;
    UiMeasureFn measure;
    void *measure_ctx;
    int64_t now_ms;

    UiInput input;        /* this pass's input, at most one event */
    uint32_t hot_id;      /* the target under the press, from the last pass */
    uint32_t active_id;   /* pressed and still held */
    int active_cancelled; /* slid off: releasing will not fire */
    int pointer_down;
    int fired; /* something fired this pass: the caller runs one more pass */

    Debounce debounce; /* UI_DEBOUNCE controls */

    UiTarget targets[UI_MAX_TARGETS];
    int target_count;
    UiTarget last_targets[UI_MAX_TARGETS]; /* the previous pass's, for hit-testing */
    int last_target_count;

    int turned;        /* 1 while declaring a half that is turned 180° */
    int inert;         /* controls declared now lie under something: seen, never touched */
    Rect turn_frame;   /* the rectangle the half turns about */
    int scroll_region; /* region index + 1 while inside ui_scroll_begin */
    int scroll_y;      /* offset applied while inside a scroll region */
    Rect clip;
    int clip_active;
    UiScroll *scrolls[UI_MAX_SCROLLS]; /* regions declared this pass */
    int scroll_count;
    UiScroll *last_scrolls[UI_MAX_SCROLLS];
    int last_scroll_count;
    int min_text_px; /* ui_text_fit never goes below this */
    Color ink;       /* the palette's text: what a word or a shape too faint moves towards */
    int slop_px;     /* movement that turns a press into a scroll drag */
    int press_x, press_y;
    UiScroll *drag_scroll; /* the region a press may drag */
    int drag_start_offset;
    int dragging;
    int release_id_valid;
    uint32_t release_id; /* the control a release fires, this pass */
} Ui;

void ui_init(Ui *ui, UiMeasureFn measure, void *measure_ctx);
/* Starts a pass: input may be NULL (no event). */
void ui_begin(Ui *ui, DrawList *draw, const UiInput *input, int64_t now_ms, Color clear);
void ui_end(Ui *ui);

/* The last target (topmost) containing the point, from the latest finished pass. */
const UiTarget *ui_hit(const Ui *ui, int x, int y);
/* Finds a target of the latest finished pass by label: exact match first, else
 * the single case-insensitive substring match. Returns the number of matches
 * (0, 1 or more); *out is set when exactly one (or an exact one) matched. */
int ui_find(const Ui *ui, const char *label, const UiTarget **out);

/* A button: fires once on release inside (or on press with UI_FIRE_ON_PRESS).
 * text is what is shown (NULL: the label). Returns 1 when it fired. */
int ui_button(Ui *ui, const char *label, const char *text, Rect r, Shape shape,
              const UiStyle *style, int flags);
/* A transparent target: a tap anywhere in r (declare it before what lies on top). */
int ui_area(Ui *ui, const char *label, Rect r, int flags);
/* 1 while the control with this label is pressed and not slid off. */
int ui_pressed(const Ui *ui, const char *label);

void ui_rect(Ui *ui, Rect r, Color c, int radius);
void ui_frame(Ui *ui, Rect r, Color c, int radius, int thickness);
void ui_circle(Ui *ui, Rect r, Color c);
/* Layers whose neighbours are known, drawn without a blend: an opaque disc
 * whose soft edge fades into around, the colour the caller lays about it; a
 * whole ring thickness px wide inside r whose edges fade into outside and
 * inside. The same picture as blending them over those colours, at a fraction
 * of the cost on the software renderer (one opaque pass, no scratch surfaces). */
void ui_circle_on(Ui *ui, Rect r, Color c, Color around);
void ui_ring(Ui *ui, Rect r, Color c, int thickness, Color outside, Color inside);
void ui_arc(Ui *ui, Rect r, Color c, int thickness, float from_turns, float to_turns);
void ui_shape(Ui *ui, Shape shape, Rect r, Color c, int thickness);
void ui_text(Ui *ui, const char *text, Rect r, int size_px, Color c, Align align);
/* Text shrunk (down to min_px) until it fits r's width; returns the size used. */
int ui_text_fit(Ui *ui, const char *text, Rect r, int size_px, int min_px, Color c, Align align);
int ui_measure(const Ui *ui, const char *text, int size_px);
/* Text that must fit r, and never leaves it: one line at the largest size
 * from size_px down to min_px, else wrapped onto lines that fit r's height,
 * centred vertically, else the lines that fit with "…" where it goes on. */
void ui_text_box(Ui *ui, const char *text, Rect r, int size_px, int min_px, Color c, Align align);
/* Whether ui_text_box shows text whole (no "…") in w x h at min_px or more. */
int ui_text_box_fits(Ui *ui, const char *text, int w, int h, int min_px);
/* text cut (whole characters, with "…") to fit width at size_px, into out;
 * one line only: a line break ends what is shown. */
void ui_fit_line(Ui *ui, const char *text, int width, int size_px, char *out, size_t size);
/* Text wrapped as ui_wrap_lines wraps it, lines 1.35 × size apart, starting at
 * r's top; returns the height used. With draw 0 it only measures. */
int ui_text_wrap(Ui *ui, const char *text, Rect r, int size_px, Color c, Align align, int draw);

/* Lines of text that fit width at px: broken at spaces, and inside a word
 * too long for a line (never inside a character); '\n' breaks too. Returns
 * how many (at most max), each a byte range of text. */
typedef struct {
    int start, len;
} UiLine;
enum { UI_WRAP_BYTES = 4096 }; /* the longest text measured as one line */
int ui_wrap_lines(Ui *ui, const char *text, int width, int px, UiLine *lines, int max);
/* The same for text being edited: a word keeps its line only with the space
 * after it, so a cursor typed after that space is still seen. */
int ui_wrap_editing(Ui *ui, const char *text, int width, int px, UiLine *lines, int max);
/* Controls declared until ui_inert_end are drawn as they are but are no
 * targets and never fire: they lie under something drawn later (a wash). */
void ui_inert_begin(Ui *ui);
void ui_inert_end(Ui *ui);
/* Turn everything declared until ui_turn_end 180° about frame (the facing layout). */
void ui_turn_begin(Ui *ui, Rect frame);
void ui_turn_end(Ui *ui);

/* A vertically scrolling region: controls are declared in content coordinates
 * offset by scroll->offset and clipped to scroll->view. */
void ui_scroll_begin(Ui *ui, UiScroll *scroll);
void ui_scroll_end(Ui *ui, UiScroll *scroll);

uint32_t ui_hash(const char *label);
/* The scroll region a target of the last pass lives in (NULL: none). */
UiScroll *ui_target_scroll(const Ui *ui, const UiTarget *target);
/* Case-insensitive (ASCII) substring search. */
int ui_contains_nocase(const char *haystack, const char *needle);

#endif
