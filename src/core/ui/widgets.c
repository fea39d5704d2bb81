/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The widget kit every screen shares: a settings row, a row of choices, a
 * stepper, a wrapping flow of chips, big scroll arrows, lines cut to fit, and
 * the text editor over the on-screen keyboard. */
#include "lull/widgets.h"

#include "lull/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

UiStyle widget_style_button(const Kit *k)
{
    UiStyle s = {k->t->surface, k->t->text, k->t->accent, k->t->frame, k->m->text, k->m->radius};
    return s;
}

UiStyle widget_style_tile(const Kit *k)
{
    UiStyle s = widget_style_button(k);
    s.text_px = k->m->text_large;
    s.radius = k->m->radius * 2;
    return s;
}

UiStyle widget_style_primary(const Kit *k)
{
    UiStyle s = widget_style_button(k);
    s.bg = k->t->accent;
    s.fg = k->t->bg;
    s.accent = k->t->bg;
    return s;
}

UiStyle widget_style_quiet(const Kit *k)
{
    UiStyle s = widget_style_button(k);
    s.bg = k->t->bg;
    s.frame = k->t->frame;
    return s;
}

Rect widget_settings_row(const Kit *k, Rect view, int *y, const char *label)
{
    const Metrics *m = k->m;
    int label_w = view.w * 2 / 7;
    if (label_w < m->unit * 2)
        label_w = m->unit * 2;
    Rect controls;
    if (view.w - label_w < m->unit * 5) {
        ui_text_box(k->ui, label, rect_make(view.x, *y, view.w, m->text_small * 3 / 2),
                    m->text_small, m->text_small, k->t->text_dim, ALIGN_LEFT);
        controls = rect_make(view.x, *y + m->text_small * 3 / 2, view.w, m->unit);
    } else {
        ui_text_box(k->ui, label, rect_make(view.x, *y, label_w - m->gap, m->unit), m->text,
                    m->text_small, k->t->text_dim, ALIGN_LEFT);
        controls = rect_make(view.x + label_w, *y, view.w - label_w, m->unit);
    }
    *y = controls.y + controls.h + m->gap;
    return controls;
}

int widget_choice_row(const Kit *k, Rect r, const char *const *labels, const char *const *texts,
                      int count, int selected)
{
    const Metrics *m = k->m;
    int gap = m->gap;
    int w = (r.w - (count - 1) * gap) / count;
    int tapped = -1;
    UiStyle st = widget_style_button(k);
    st.text_px = m->text_small;
    for (int i = 0; i < count; i++) {
        UiStyle s = st;
        if (i == selected) {
            s.bg = color_mix(k->t->surface, k->t->accent, 0.3f);
        }
        if (ui_button(k->ui, labels[i], texts[i], rect_make(r.x + i * (w + gap), r.y, w, r.h),
                      SHAPE_NONE, &s, i == selected ? UI_SELECTED : 0))
            tapped = i;
    }
    return tapped;
}

int widget_step(const Kit *k, Rect r, const WidgetStep *step)
{
    const Metrics *m = k->m;
    UiStyle st = widget_style_button(k);
    int bw = step->button_w > 0 ? step->button_w : m->unit * 3 / 2;
    int x = r.x;
    if (step->caption && step->caption_w > 0) {
        ui_text_box(k->ui, step->caption, rect_make(x, r.y, step->caption_w, r.h), m->text,
                    m->text_small, k->t->text_dim, ALIGN_LEFT);
        x += step->caption_w + m->gap / 2;
    }
    int value_w = step->value_w > 0 ? step->value_w : r.x + r.w - x - 2 * bw;
    int taken = 0;
    if (ui_button(k->ui, step->less, "−", rect_make(x, r.y, bw, r.h), SHAPE_NONE, &st,
                  step->can_less ? 0 : UI_DISABLED))
        taken = -1;
    if (step->value)
        ui_text_fit(k->ui, step->value, rect_make(x + bw, r.y, value_w, r.h), m->text, m->text_min,
                    k->t->text, ALIGN_CENTER);
    if (ui_button(k->ui, step->more, "+", rect_make(x + bw + value_w, r.y, bw, r.h), SHAPE_NONE,
                  &st, step->can_more ? 0 : UI_DISABLED))
        taken = 1;
    return taken;
}

int widget_stepper(const Kit *k, Rect r, const char *name, int *value, int lo, int hi, int step)
{
    char down[48], up[48], text[32];
    snprintf(down, sizeof down, "%s down", name);
    snprintf(up, sizeof up, "%s up", name);
    WidgetStep s = {NULL, 0, NULL, 0, down, up, *value > lo, *value < hi, 0};
    int taken = widget_step(k, r, &s);
    if (taken < 0)
        *value = *value - step < lo ? lo : *value - step;
    else if (taken > 0)
        *value = *value + step > hi ? hi : *value + step;
    /* The value as it is now, in the same frame as the tap that changed it. */
    int bw = k->m->unit * 3 / 2;
    snprintf(text, sizeof text, "%d%%", *value);
    ui_text_fit(k->ui, text, rect_make(r.x + bw, r.y, r.w - 2 * bw, r.h), k->m->text,
                k->m->text_min, k->t->text, ALIGN_CENTER);
    return taken != 0;
}

static void parts_line(const Kit *k, const char *line, Rect r, int y, int px, Color c)
{
    char fit[1024];
    ui_fit_line(k->ui, line, r.w, px, fit, sizeof fit);
    ui_text(k->ui, fit, rect_make(r.x, y, r.w, px * 27 / 20), px, c, ALIGN_LEFT);
}

int widget_parts(const Kit *k, const char *text, const char *sep, Rect r, int px, Color c, int draw)
{
    int lh = px * 27 / 20;
    int y = r.y;
    size_t sep_len = strlen(sep);
    char line[1024] = "", probe[1024];
    const char *p = text;
    while (*p) {
        const char *end = strstr(p, sep);
        size_t n = end ? (size_t)(end - p) : strlen(p);
        char part[512];
        if (n >= sizeof part)
            n = sizeof part - 1;
        memcpy(part, p, n);
        part[n] = '\0';
        /* Lines are at most a screen wide, far below the buffer: a cut never shows. */
        int len = snprintf(probe, sizeof probe, "%s%s%s", line, line[0] ? sep : "", part);
        if (line[0] && (len >= (int)sizeof probe || ui_measure(k->ui, probe, px) > r.w)) {
            /* A break: ", " keeps its comma at the line's end; " · " just goes. */
            size_t keep = strlen(line);
            memcpy(probe, line, keep + 1);
            if (sep[0] != ' ' && keep + 1 < sizeof probe) {
                probe[keep] = sep[0];
                probe[keep + 1] = '\0';
            }
            if (draw)
                parts_line(k, probe, r, y, px, c);
            y += lh;
            snprintf(line, sizeof line, "%s", part);
        } else {
            snprintf(line, sizeof line, "%s", probe);
        }
        p += n;
        if (end)
            p += sep_len;
    }
    if (line[0]) {
        if (draw)
            parts_line(k, line, r, y, px, c);
        y += lh;
    }
    return y - r.y;
}

void widget_scroll_arrows(const Kit *k, UiScroll *sc, Rect column, int can_up, int can_down)
{
    const Metrics *m = k->m;
    UiStyle arrow = widget_style_button(k);
    int ah = (column.h - m->gap) / 2;
    if (ui_button(k->ui, "Scroll up", "", rect_make(column.x, column.y, column.w, ah),
                  SHAPE_ARROW_UP, &arrow, can_up ? 0 : UI_DISABLED))
        sc->offset -= sc->view.h * 2 / 3;
    if (ui_button(k->ui, "Scroll down", "",
                  rect_make(column.x, column.y + ah + m->gap, column.w, column.h - ah - m->gap),
                  SHAPE_ARROW_DOWN, &arrow, can_down ? 0 : UI_DISABLED))
        sc->offset += sc->view.h * 2 / 3;
}

static WidgetFlow flow_or_default(const Kit *k, const WidgetFlow *given)
{
    WidgetFlow f = given ? *given : (WidgetFlow){WIDGET_FLOW_WRAP, 0, 0, 0, 0.0f, 0};
    if (f.row_h <= 0) {
        f.row_h = k->m->unit * 4 / 5;
        f.row_h = f.row_h > k->m->target ? f.row_h : k->m->target;
    }
    f.min_w = f.min_w > k->m->target ? f.min_w : k->m->target;
    f.pad_quarters = f.pad_quarters > 0 ? f.pad_quarters : 6;
    f.lift = f.lift > 0.0f ? f.lift : 0.4f;
    f.gap = f.gap > 0 ? f.gap : k->m->gap;
    return f;
}

static int chip_width(const Kit *k, const WidgetChip *b, const UiStyle *st, const WidgetFlow *f,
                      int max_w)
{
    int w = ui_measure(k->ui, b->text ? b->text : b->label, st->text_px) +
            st->text_px * f->pad_quarters / 4;
    if (w < f->min_w)
        w = f->min_w;
    return w < max_w ? w : max_w;
}

int widget_chip_width(const Kit *k, const WidgetChip *chip, const UiStyle *style,
                      const WidgetFlow *flow, int max_w)
{
    WidgetFlow f = flow_or_default(k, flow);
    return chip_width(k, chip, style, &f, max_w);
}

static void chip(const Kit *k, const WidgetChip *b, int i, Rect r, const UiStyle *st,
                 const WidgetFlow *f, int *tapped)
{
    UiStyle s = *st;
    if (b->selected)
        s.bg = color_mix(k->t->surface, k->t->accent, f->lift);
    int flags = (b->selected ? UI_SELECTED : 0) | (b->disabled ? UI_DISABLED : 0);
    if (ui_button(k->ui, b->label, b->text, r, SHAPE_NONE, &s, flags) && tapped)
        *tapped = i;
}

/* All as wide as the widest, in rows of equal columns (balanced or filled). */
static int flow_columns(const Kit *k, Rect area, WidgetChip *b, int count, int *tapped,
                        const UiStyle *st, const WidgetFlow *f, int draw)
{
    int gap = f->gap;
    int widest = f->min_w;
    for (int i = 0; i < count; i++) {
        int w = chip_width(k, &b[i], st, f, area.w);
        widest = w > widest ? w : widest;
    }
    int per_row = (area.w + gap) / (widest + gap);
    per_row = per_row < 1 ? 1 : per_row > count ? count : per_row;
    int rows = (count + per_row - 1) / per_row;
    if (f->kind == WIDGET_FLOW_EQUAL)
        per_row = (count + rows - 1) / rows;
    int w = (area.w - (per_row - 1) * gap) / per_row;
    for (int i = 0; draw && i < count; i++)
        chip(k, &b[i], i,
             rect_make(area.x + (i % per_row) * (w + gap),
                       area.y + (i / per_row) * (f->row_h + gap), w, f->row_h),
             st, f, tapped);
    return rows * f->row_h + (rows - 1) * gap;
}

/* Each at its own width, as many to a row as fit, the row stretched to the edge. */
static int flow_stretched(const Kit *k, Rect area, WidgetChip *b, int count, int *tapped,
                          const UiStyle *st, const WidgetFlow *f, int draw)
{
    int gap = f->gap;
    int y = area.y;
    for (int first = 0; first < count;) {
        int used = chip_width(k, &b[first], st, f, area.w), last = first + 1;
        while (last < count && used + gap + chip_width(k, &b[last], st, f, area.w) <= area.w)
            used += gap + chip_width(k, &b[last++], st, f, area.w);
        int extra = (area.w - used) / (last - first);
        int x = area.x;
        for (int i = first; i < last; i++) {
            int w = i == last - 1 ? area.x + area.w - x
                                  : chip_width(k, &b[i], st, f, area.w) + extra;
            if (draw)
                chip(k, &b[i], i, rect_make(x, y, w, f->row_h), st, f, tapped);
            x += w + gap;
        }
        y += f->row_h + gap;
        first = last;
    }
    return y - gap - area.y;
}

/* Each at its own width, wrapping to the next row. */
static int flow_wrapped(const Kit *k, Rect area, WidgetChip *b, int count, int *tapped,
                        const UiStyle *st, const WidgetFlow *f, int draw)
{
    int gap = f->gap;
    int x = area.x, y = area.y;
    for (int i = 0; i < count; i++) {
        int w = chip_width(k, &b[i], st, f, area.w);
        if (x > area.x && x + w > area.x + area.w) {
            x = area.x;
            y += f->row_h + gap;
        }
        if (draw)
            chip(k, &b[i], i, rect_make(x, y, w, f->row_h), st, f, tapped);
        x += w + gap;
    }
    return y + f->row_h - area.y;
}

int widget_chips(const Kit *k, Rect area, WidgetChip *chips, int count, int *tapped,
                 const UiStyle *style, const WidgetFlow *flow, int draw)
{
    if (count <= 0)
        return 0;
    WidgetFlow f = flow_or_default(k, flow);
    switch (f.kind) {
    case WIDGET_FLOW_EQUAL:
    case WIDGET_FLOW_GRID:
        return flow_columns(k, area, chips, count, tapped, style, &f, draw);
    case WIDGET_FLOW_STRETCH:
        return flow_stretched(k, area, chips, count, tapped, style, &f, draw);
    case WIDGET_FLOW_WRAP:
        break;
    }
    return flow_wrapped(k, area, chips, count, tapped, style, &f, draw);
}

int widget_flow(const Kit *k, Rect area, WidgetChip *chips, int count, int *tapped,
                const UiStyle *style, int equal_width)
{
    WidgetFlow f = {equal_width ? WIDGET_FLOW_EQUAL : WIDGET_FLOW_WRAP, 0, 0, 0, 0.0f, 0};
    return widget_chips(k, area, chips, count, tapped, style, &f, 1);
}

int widget_flow_height(const Kit *k, int width, const WidgetChip *chips, int count,
                       const UiStyle *style, int equal_width)
{
    WidgetFlow f = {equal_width ? WIDGET_FLOW_EQUAL : WIDGET_FLOW_WRAP, 0, 0, 0, 0.0f, 0};
    return widget_chips(k, rect_make(0, 0, width, 0), (WidgetChip *)chips, count, NULL, style, &f,
                        0);
}

void widget_draw_line(Ui *ui, const char *text, UiLine line, Rect r, int px, Color c)
{
    char buf[UI_WRAP_BYTES + 8];
    if (line.start < 0 || line.len < 0)
        return;
    /* the line's bytes, never past the end of text (a wrap's lines are inside it) */
    snprintf(buf, sizeof buf, "%.*s", line.len, text + line.start);
    ui_text(ui, buf, r, px, c, ALIGN_LEFT);
}

int widget_editor(const Kit *k, Rect area, Keyboard *kb)
{
    Ui *ui = k->ui;
    const Metrics *m = k->m;
    const Theme *t = k->t;
    /* Four lines of the note stay in view: in the body size where there is
     * room, else the small size, the keyboard's rows closing up for them. */
    int inset = m->gap / 6 > 2 ? m->gap / 6 : 2;
    int sep = m->gap / 4 > 2 ? m->gap / 4 : 2;
    int px = m->text, lh = px * 6 / 5;
    int kb_h = keyboard_fit_height(m, area.w, area.h, 4 * lh + 2 * inset + sep);
    if (area.h - kb_h - sep < 4 * lh + 2 * inset) {
        px = m->text_small;
        lh = px * 11 / 10;
        kb_h = keyboard_fit_height(m, area.w, area.h, 4 * lh + 2 * inset + sep);
    }
    Rect keys = rect_make(area.x, area.y + area.h - kb_h, area.w, kb_h);
    int field_h = keys.y - sep - area.y; /* the note has all the room the keys leave */
    Rect field = rect_make(area.x, area.y, area.w, field_h);
    ui_rect(ui, field, t->surface, m->radius);
    ui_frame(ui, field, t->accent, m->radius, 2);

    char count[32];
    snprintf(count, sizeof count, "%d/%d", utf8_length(kb->text), kb->max_chars);
    int count_w = ui_measure(ui, count, m->text_small) + m->gap;
    Rect inner = rect_inset(field, inset);
    inner.x += m->gap / 2;
    inner.w -= m->gap / 2;
    Rect text_r = rect_make(inner.x, inner.y, inner.w - count_w, inner.h);
    ui_text(ui, count, rect_make(inner.x + inner.w - count_w, inner.y, count_w, lh), m->text_small,
            utf8_length(kb->text) >= kb->max_chars ? t->danger_free_warn : t->text_dim,
            ALIGN_RIGHT);

    char shown[KEYBOARD_BYTES + 16];
    snprintf(shown, sizeof shown, "%s|", kb->text);
    /* The end of a long note, where the typing is. */
    UiLine lines[KEYBOARD_BYTES];
    int n = ui_wrap_editing(ui, shown, text_r.w, px, lines, KEYBOARD_BYTES);
    int fit = text_r.h / lh > 0 ? text_r.h / lh : 1;
    int first = n > fit ? n - fit : 0;
    for (int i = first; i < n; i++)
        widget_draw_line(ui, shown, lines[i],
                         rect_make(text_r.x, text_r.y + (i - first) * lh, text_r.w, lh), px,
                         t->text);
    return keyboard_ui(kb, ui, keys, t, m) == KEYBOARD_DONE;
}

KeyboardResult widget_name_field(const Kit *k, Rect area, Keyboard *kb, Color accent,
                                 const char *hint, int warn)
{
    Ui *ui = k->ui;
    const Metrics *m = k->m;
    const Theme *t = k->t;
    /* The field and two lines of hint above; the keys take the rest they can use. */
    int keep = m->unit * 3 / 2 + m->gap + m->text_small * 2 + m->gap;
    int kb_h = keyboard_fit_height(m, area.w, area.h, keep);
    Rect keys = rect_make(area.x, area.y + area.h - kb_h, area.w, kb_h);
    int field_h = keys.y - m->gap / 2 - area.y;
    if (field_h > m->unit * 3 / 2)
        field_h = m->unit * 3 / 2;
    Rect field = rect_make(area.x, area.y, area.w, field_h);
    int hint_y = field.y + field.h + m->gap;
    int hint_room = keys.y - hint_y >= m->text_small * 2;
    Color hint_c = warn ? t->danger_free_warn : t->text_dim;
    if (hint_room)
        ui_text_box(ui, hint ? hint : "Type, then Done",
                    rect_make(area.x, hint_y, area.w,
                              keys.y - hint_y - m->gap < m->text_small * 3
                                  ? keys.y - hint_y - m->gap
                                  : m->text_small * 3),
                    m->text_small, m->text_min, hint_c, ALIGN_CENTER);
    ui_rect(ui, field, t->surface, m->radius);
    ui_frame(ui, field, warn ? t->danger_free_warn : accent, m->radius, 2);
    char shown[KEYBOARD_BYTES + 16];
    snprintf(shown, sizeof shown, "%s|", kb->text);
    Rect text_r = rect_inset(field, m->gap / 2);
    text_r.w -= m->unit * 3 / 2;
    if (warn && !hint_room) {
        /* No line below for a warning: it shares the field, under the word. */
        int line = m->text_small + m->text_small / 4;
        text_r.h -= line;
        ui_text_box(ui, hint, rect_make(text_r.x, text_r.y + text_r.h, text_r.w, line),
                    m->text_small, m->text_min, hint_c, ALIGN_LEFT);
    }
    if (ui_measure(ui, shown, m->text_small) > text_r.w) {
        /* Longer than the field even small: its end, where the cursor is. */
        const char *tail = shown;
        char cut[KEYBOARD_BYTES + 16];
        do {
            tail++;
            while ((*tail & 0xC0) == 0x80)
                tail++;
            snprintf(cut, sizeof cut, "\u2026%s", tail);
        } while (*tail && ui_measure(ui, cut, m->text_small) > text_r.w);
        snprintf(shown, sizeof shown, "%s", cut);
    }
    ui_text_fit(ui, shown, text_r, m->text_large, m->text_small, t->text, ALIGN_LEFT);
    char count[32];
    snprintf(count, sizeof count, "%d/%d", utf8_length(kb->text), kb->max_chars);
    ui_text(ui, count,
            rect_make(field.x + field.w - m->unit * 3 / 2 - m->gap / 2, field.y, m->unit * 3 / 2,
                      field.h),
            m->text_small, t->text_dim, ALIGN_RIGHT);
    return keyboard_ui(kb, ui, keys, t, m);
}
