/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lull/ui.h"

#include "lull/utf8.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

uint32_t ui_hash(const char *label)
{
    /* FNV-1a: stable ids from labels, which are unique on a screen. */
    uint32_t h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)label; *p; p++) {
        h ^= *p;
        h *= 16777619u;
    }
    return h ? h : 1u;
}

void ui_init(Ui *ui, UiMeasureFn measure, void *measure_ctx)
{
    memset(ui, 0, sizeof *ui);
    ui->measure = measure;
    ui->measure_ctx = measure_ctx;
}

static const UiTarget *find_last(const Ui *ui, uint32_t id)
{
    for (int i = ui->last_target_count - 1; i >= 0; i--)
        if (ui->last_targets[i].id == id)
            return &ui->last_targets[i];
    return NULL;
}

const UiTarget *ui_hit(const Ui *ui, int x, int y)
{
    for (int i = ui->last_target_count - 1; i >= 0; i--)
        if (rect_contains(ui->last_targets[i].visible, x, y))
            return &ui->last_targets[i];
    return NULL;
}

void ui_begin(Ui *ui, DrawList *draw, const UiInput *input, int64_t now_ms, Color clear)
{
    ui->draw = draw;
    ui->now_ms = now_ms;
    ui->target_count = 0;
    ui->scroll_count = 0;
    ui->scroll_region = 0;
    ui->scroll_y = 0;
    ui->turned = 0;
    ui->inert = 0;
    ui->clip_active = 0;
    ui->fired = 0;
    ui->release_id_valid = 0;
    ui->input.kind = UI_INPUT_NONE;
    if (input)
        ui->input = *input;
    draw_reset(draw, clear);

    const UiTarget *hit;
    switch (ui->input.kind) {
    case UI_INPUT_PRESS:
        hit = ui_hit(ui, ui->input.x, ui->input.y);
        ui->pointer_down = 1;
        ui->active_id = hit ? hit->id : 0;
        ui->hot_id = ui->active_id;
        ui->active_cancelled = 0;
        ui->press_x = ui->input.x;
        ui->press_y = ui->input.y;
        ui->dragging = 0;
        ui->drag_scroll = NULL;
        for (int i = 0; i < ui->last_scroll_count; i++) {
            UiScroll *s = ui->last_scrolls[i];
            if (rect_contains(s->view, ui->input.x, ui->input.y)) {
                ui->drag_scroll = s;
                ui->drag_start_offset = s->offset;
            }
        }
        break;
    case UI_INPUT_MOVE:
        if (ui->pointer_down && ui->drag_scroll) {
            int dy = ui->input.y - ui->press_y;
            int slop = ui->slop_px > 0 ? ui->slop_px : 12;
            if (ui->dragging || dy > slop || dy < -slop) {
                /* A drag scrolls the region and cancels the press. */
                ui->dragging = 1;
                ui->active_cancelled = 1;
                ui->drag_scroll->offset = ui->drag_start_offset - dy;
            }
        }
        if (ui->pointer_down && ui->active_id) {
            hit = find_last(ui, ui->active_id);
            if (!hit || !rect_contains(hit->visible, ui->input.x, ui->input.y))
                ui->active_cancelled = 1; /* sliding off cancels, for good */
        }
        break;
    case UI_INPUT_RELEASE:
        hit = ui->active_id ? find_last(ui, ui->active_id) : NULL;
        if (hit && !ui->active_cancelled && rect_contains(hit->visible, ui->input.x, ui->input.y)) {
            ui->release_id = ui->active_id;
            ui->release_id_valid = 1;
        }
        ui->pointer_down = 0;
        ui->drag_scroll = NULL;
        ui->dragging = 0;
        break;
    case UI_INPUT_CANCEL:
        ui->pointer_down = 0;
        ui->active_id = 0;
        ui->drag_scroll = NULL;
        ui->dragging = 0;
        break;
    case UI_INPUT_NONE:
        break;
    }
}

void ui_end(Ui *ui)
{
    assert(ui->turned == 0 && "ui_turn_begin without ui_turn_end");
    assert(ui->scroll_region == 0 && "ui_scroll_begin without ui_scroll_end");
    assert(ui->inert == 0 && "ui_inert_begin without ui_inert_end");
    memcpy(ui->last_targets, ui->targets, sizeof(UiTarget) * (size_t)ui->target_count);
    ui->last_target_count = ui->target_count;
    memcpy(ui->last_scrolls, ui->scrolls, sizeof(UiScroll *) * (size_t)ui->scroll_count);
    ui->last_scroll_count = ui->scroll_count;
    if (ui->input.kind == UI_INPUT_RELEASE || ui->input.kind == UI_INPUT_CANCEL) {
        ui->active_id = 0;
        ui->active_cancelled = 0;
    }
}

static Rect place(const Ui *ui, Rect r)
{
    r.y -= ui->scroll_y;
    if (ui->turned) {
        Rect f = ui->turn_frame;
        r.x = 2 * f.x + f.w - (r.x + r.w);
        r.y = 2 * f.y + f.h - (r.y + r.h);
    }
    return r;
}

static Rect intersect(Rect a, Rect b)
{
    int x0 = a.x > b.x ? a.x : b.x;
    int y0 = a.y > b.y ? a.y : b.y;
    int x1 = a.x + a.w < b.x + b.w ? a.x + a.w : b.x + b.w;
    int y1 = a.y + a.h < b.y + b.h ? a.y + a.h : b.y + b.h;
    Rect r = {x0, y0, x1 > x0 ? x1 - x0 : 0, y1 > y0 ? y1 - y0 : 0};
    return r;
}

/* Whether (x, y) lies in what a filled command paints. */
static int paints(const DrawCmd *c, int x, int y)
{
    if (c->kind == DRAW_RECT)
        return rect_contains(c->rect, x, y);
    if (c->kind != DRAW_CIRCLE)
        return 0;
    int r = c->rect.w / 2, dx = x - (c->rect.x + r), dy = y - (c->rect.y + r);
    return dx * dx + dy * dy <= r * r;
}

/* The colour the list has painted at (x, y) so far: from the last opaque fill
 * there (or the clear colour), every translucent one after it laid over. */
static Color painted_at(const DrawList *d, int x, int y)
{
    int from = d->count;
    while (from > 0 && !(d->cmds[from - 1].color.a == 255 && paints(&d->cmds[from - 1], x, y)))
        from--;
    Color c = from > 0 ? d->cmds[from - 1].color : color_alpha(d->clear, 255);
    for (int k = from; k < d->count; k++)
        if (d->cmds[k].color.a && paints(&d->cmds[k], x, y))
            c = color_over(d->cmds[k].color, c);
    return c;
}

static DrawCmd *push(Ui *ui, DrawKind kind, Rect r, Color c)
{
    Rect placed = place(ui, r);
    if ((kind == DRAW_TEXT || kind == DRAW_SHAPE) && ui->ink.a && c.a) {
        /* Every word and glyph reads at 4.5:1 or more on what it is drawn on. */
        Color under = painted_at(ui->draw, placed.x + placed.w / 2, placed.y + placed.h / 2);
        c = color_readable(c, under, ui->ink, UI_MIN_CONTRAST);
    }
    DrawCmd *cmd = draw_push(ui->draw, kind, placed, c);
    if (cmd)
        cmd->turned = ui->turned;
    return cmd;
}

static void add_target(Ui *ui, const char *label, Rect placed, uint32_t id)
{
    if (ui->target_count >= UI_MAX_TARGETS)
        return;
    UiTarget *t = &ui->targets[ui->target_count++];
    snprintf(t->label, sizeof t->label, "%s", label);
    t->rect = placed;
    t->visible = ui->clip_active ? intersect(placed, ui->clip) : placed;
    t->id = id;
    t->scroll = ui->scroll_region;
}

static int control(Ui *ui, const char *label, Rect r, int flags, uint32_t *id_out)
{
    uint32_t id = ui_hash(label);
    /* One label twice in a pass (two partners with the same name) must still
     * be two controls, or a tap on one fires the other: the n-th mixes n into
     * its id, the same in every pass (found by id: earlier ones got theirs so). */
    uint32_t same = 0;
    for (int i = 0; i < ui->target_count; i++)
        same += ui->targets[i].id == (id ^ (same * 0x9E3779B9u));
    id ^= same * 0x9E3779B9u;
    *id_out = id;
    if ((flags & UI_DISABLED) || ui->inert)
        return 0;
    add_target(ui, label, place(ui, r), id);
    int fire = 0;
    if (ui->input.kind == UI_INPUT_PRESS && ui->active_id == id && (flags & UI_FIRE_ON_PRESS))
        fire = 1;
    if (ui->input.kind == UI_INPUT_RELEASE && ui->release_id_valid && ui->release_id == id &&
        !(flags & UI_FIRE_ON_PRESS))
        fire = 1;
    if (fire && (flags & UI_DEBOUNCE) && debounce_repeat(&ui->debounce, id, ui->now_ms))
        fire = 0;
    if (fire)
        ui->fired = 1;
    return fire;
}

int ui_pressed(const Ui *ui, const char *label)
{
    return ui->pointer_down && !ui->active_cancelled && ui->active_id == ui_hash(label);
}

int ui_area(Ui *ui, const char *label, Rect r, int flags)
{
    uint32_t id;
    return control(ui, label, r, flags | UI_QUIET, &id);
}

int ui_measure(const Ui *ui, const char *text, int size_px)
{
    return ui->measure ? ui->measure(ui->measure_ctx, text, size_px) : 0;
}

/* The size ui_text_box would use for text in w x h: positive on one line,
 * negative wrapped, 0 when only "…" would fit it. */
static int box_size(Ui *ui, const char *text, int w, int h, int size_px, int min_px);
static int line_size(Ui *ui, const char *text, int w, int size_px, int min_px);

int ui_button(Ui *ui, const char *label, const char *text, Rect r, Shape shape,
              const UiStyle *style, int flags)
{
    uint32_t id;
    int fired = control(ui, label, r, flags, &id);
    if (flags & UI_QUIET)
        return fired;
    if (!text)
        text = label;

    int pressed = ui->pointer_down && !ui->active_cancelled && ui->active_id == id;
    Color bg = style->bg;
    Color fg = style->fg;
    if (flags & UI_DISABLED) {
        /* Set back, not see-through: dimmer words, still read at 4.5:1. */
        bg = color_alpha(bg, (uint8_t)(bg.a / 2));
        fg = color_mix(fg, color_over(bg, color_alpha(ui->draw->clear, 255)), 0.5f);
    } else if (pressed) {
        bg = color_scale(bg, 1.25f);
    }
    ui_rect(ui, r, bg, style->radius);
    if (flags & UI_SELECTED) {
        int t = style->radius / 4 > 3 ? style->radius / 4 : 3;
        ui_frame(ui, r, style->accent, style->radius, t);
    } else if (style->frame.a) {
        ui_frame(ui, r, style->frame, style->radius, 2);
    }

    int text_px = style->text_px;
    if (flags & UI_SMALL_TEXT)
        text_px = text_px * 4 / 5;
    int min_px = text_px * 2 / 3;
    if (min_px < ui->min_text_px)
        min_px = ui->min_text_px;
    /* A tight tile gives its padding to the word. */
    int tight = r.h < text_px * 3 || r.w < text_px * 6;
    int pad = tight ? text_px / 4 : text_px / 2;
    int pad_y = tight ? 3 : pad;
    Rect inner = rect_make(r.x + pad, r.y + pad_y, r.w - 2 * pad, r.h - 2 * pad_y);
    if (inner.w <= 0 || inner.h <= 0)
        return fired;
    Color shape_color = style->accent.a ? style->accent : fg;
    if (flags & UI_DISABLED)
        shape_color = fg;
    if (shape == SHAPE_NONE) {
        ui_text_box(ui, text, inner, text_px, min_px, fg, ALIGN_CENTER);
        return fired;
    }
    if (!*text) {
        int s = inner.h < inner.w ? inner.h : inner.w;
        if (s > text_px * 2)
            s = text_px * 2;
        ui_shape(ui, shape,
                 rect_make(inner.x + (inner.w - s) / 2, inner.y + (inner.h - s) / 2, s, s),
                 shape_color, s / 10);
        return fired;
    }
    int gap = text_px / 2;
    /* Beside: the shape at the left, the word next to it. */
    int side = inner.h < text_px * 2 ? inner.h : text_px * 2;
    int room = inner.w - side - gap;
    int size = room > 0 ? box_size(ui, text, room, inner.h, text_px, min_px) : 0;
    if (side > text_px && size <= 0) {
        /* A smaller shape, when the word would not fit on a line beside a full one. */
        int small_room = inner.w - text_px - gap;
        int small = small_room > 0 ? box_size(ui, text, small_room, inner.h, text_px, min_px) : 0;
        int big_px = size < 0 ? -size : size, small_px = small < 0 ? -small : small;
        if (small > 0 || small_px > big_px) {
            side = text_px;
            room = small_room;
            size = small;
        }
    }
    int beside = size != 0;
    /* Above: the shape over the word, when the tile is tall or the word needs
     * the whole width. */
    int line_h = min_px * 27 / 20;
    int word_h = text_px * 2 < inner.h - line_h ? text_px * 2 : line_h;
    int above_s = inner.h - word_h - text_px / 3;
    if (above_s > inner.w * 2 / 3)
        above_s = inner.w * 2 / 3;
    if (above_s > text_px * 4)
        above_s = text_px * 4;
    int tall = inner.h >= text_px * 4 && inner.h * 2 >= inner.w;
    int above = above_s >= min_px && ui_text_box_fits(ui, text, inner.w, word_h, min_px);
    if (above && (tall || !beside)) {
        int block = above_s + text_px / 3 + word_h;
        int top = inner.y + (inner.h - block) / 2;
        ui_shape(ui, shape, rect_make(inner.x + (inner.w - above_s) / 2, top, above_s, above_s),
                 shape_color, above_s / 10);
        ui_text_box(ui, text, rect_make(inner.x, top + above_s + text_px / 3, inner.w, word_h),
                    text_px, min_px, fg, ALIGN_CENTER);
    } else if (beside) {
        /* Shape and word centred together. */
        int tw = ui_measure(ui, text, text_px);
        if (tw > room)
            tw = room;
        int x = inner.x + (inner.w - (side + gap + tw)) / 2;
        ui_shape(ui, shape, rect_make(x, inner.y + (inner.h - side) / 2, side, side), shape_color,
                 side / 10);
        ui_text_box(ui, text, rect_make(x + side + gap, inner.y, tw, inner.h), text_px, min_px, fg,
                    ALIGN_LEFT);
    } else {
        /* No room for both: the word alone, which matters more. */
        ui_text_box(ui, text, inner, text_px, min_px, fg, ALIGN_CENTER);
    }
    return fired;
}

void ui_rect(Ui *ui, Rect r, Color c, int radius)
{
    DrawCmd *cmd = push(ui, DRAW_RECT, r, c);
    if (cmd)
        cmd->radius = radius;
}

void ui_frame(Ui *ui, Rect r, Color c, int radius, int thickness)
{
    DrawCmd *cmd = push(ui, DRAW_FRAME, r, c);
    if (cmd) {
        cmd->radius = radius;
        cmd->thickness = thickness;
    }
}

void ui_circle(Ui *ui, Rect r, Color c)
{
    push(ui, DRAW_CIRCLE, r, c);
}

void ui_circle_on(Ui *ui, Rect r, Color c, Color around)
{
    DrawCmd *cmd = push(ui, DRAW_CIRCLE, r, c);
    if (cmd)
        cmd->under = around;
}

void ui_ring(Ui *ui, Rect r, Color c, int thickness, Color outside, Color inside)
{
    DrawCmd *cmd = push(ui, DRAW_ARC, r, c);
    if (cmd) {
        cmd->thickness = thickness;
        cmd->a0 = 0.0f;
        cmd->a1 = 1.0f;
        cmd->under = outside;
        cmd->under_in = inside;
    }
}

void ui_arc(Ui *ui, Rect r, Color c, int thickness, float from_turns, float to_turns)
{
    DrawCmd *cmd = push(ui, DRAW_ARC, r, c);
    if (cmd) {
        cmd->thickness = thickness;
        cmd->a0 = from_turns;
        cmd->a1 = to_turns;
    }
}

void ui_shape(Ui *ui, Shape shape, Rect r, Color c, int thickness)
{
    DrawCmd *cmd = push(ui, DRAW_SHAPE, r, c);
    if (cmd) {
        cmd->shape = shape;
        cmd->thickness = thickness > 2 ? thickness : 2;
    }
}

void ui_text(Ui *ui, const char *text, Rect r, int size_px, Color c, Align align)
{
    if (!text || !*text)
        return;
    DrawCmd *cmd = push(ui, DRAW_TEXT, r, c);
    if (cmd) {
        cmd->size = size_px;
        cmd->align = align;
        draw_set_text(ui->draw, cmd, text);
    }
}

int ui_text_fit(Ui *ui, const char *text, Rect r, int size_px, int min_px, Color c, Align align)
{
    if (min_px < ui->min_text_px)
        min_px = ui->min_text_px;
    if (size_px < min_px)
        size_px = min_px;
    int size = line_size(ui, text, r.w, size_px, min_px);
    if (size == 0) {
        size = min_px;
        /* Too wide even at the floor: cut with "…", never past its box. */
        char cut[UI_WRAP_BYTES];
        ui_fit_line(ui, text, r.w, size, cut, sizeof cut);
        ui_text(ui, cut, r, size, c, align);
        return size;
    }
    ui_text(ui, text, r, size, c, align);
    return size;
}

void ui_turn_begin(Ui *ui, Rect frame)
{
    assert(!ui->turned && "turns do not nest");
    ui->turned = 1;
    ui->turn_frame = frame;
}

void ui_turn_end(Ui *ui)
{
    ui->turned = 0;
}

void ui_scroll_begin(Ui *ui, UiScroll *scroll)
{
    assert(!ui->scroll_region && "scroll regions do not nest");
    int max = scroll->content_h - scroll->view.h;
    if (scroll->offset > max)
        scroll->offset = max;
    if (scroll->offset < 0)
        scroll->offset = 0;
    if (ui->scroll_count < UI_MAX_SCROLLS)
        ui->scrolls[ui->scroll_count++] = scroll;
    ui->scroll_region = ui->scroll_count;
    ui->clip = place(ui, scroll->view);
    ui->clip_active = 1;
    DrawCmd *cmd = draw_push(ui->draw, DRAW_CLIP, ui->clip, color_rgb(0));
    (void)cmd;
    ui->scroll_y = scroll->offset;
}

void ui_scroll_end(Ui *ui, UiScroll *scroll)
{
    (void)scroll;
    ui->scroll_region = 0;
    ui->scroll_y = 0;
    ui->clip_active = 0;
    draw_push(ui->draw, DRAW_CLIP, rect_make(0, 0, 0, 0), color_rgb(0));
}

UiScroll *ui_target_scroll(const Ui *ui, const UiTarget *target)
{
    if (target->scroll <= 0 || target->scroll > ui->last_scroll_count)
        return NULL;
    return ui->last_scrolls[target->scroll - 1];
}

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

int ui_contains_nocase(const char *haystack, const char *needle)
{
    size_t n = strlen(needle);
    if (n == 0)
        return 1;
    for (const char *h = haystack; *h; h++) {
        size_t i = 0;
        while (i < n && h[i] && lower((unsigned char)h[i]) == lower((unsigned char)needle[i]))
            i++;
        if (i == n)
            return 1;
    }
    return 0;
}

int ui_find(const Ui *ui, const char *label, const UiTarget **out)
{
    *out = NULL;
    for (int i = 0; i < ui->last_target_count; i++) {
        if (strcmp(ui->last_targets[i].label, label) == 0) {
            *out = &ui->last_targets[i];
            return 1;
        }
    }
    int matches = 0;
    for (int i = 0; i < ui->last_target_count; i++) {
        if (ui_contains_nocase(ui->last_targets[i].label, label)) {
            if (matches == 0)
                *out = &ui->last_targets[i];
            matches++;
        }
    }
    if (matches != 1)
        *out = NULL;
    return matches;
}

/* One line of text from pos that fits width at px: as many whole words as fit
 * (a word alone on its line even when too wide, then cut between characters).
 * Sets *line and returns where the next line starts: past the spaces after a
 * break, or past the '\n' that ended the line. The one wrapping rule of Lull. */
static size_t wrap_line(Ui *ui, const char *text, size_t pos, int width, int px, int editing,
                        UiLine *line)
{
    const char *p = text + pos;
    char probe[UI_WRAP_BYTES];
    size_t best = 0, i = 0;
    for (;;) {
        while (p[i] && p[i] != ' ' && p[i] != '\n')
            i++;
        if (i >= sizeof probe)
            break;
        /* Being edited, a word fits only with the space after it, so the
         * cursor after that space still shows on the line. */
        size_t with_space = editing && p[i] == ' ' && i + 1 < sizeof probe ? i + 1 : i;
        memcpy(probe, p, with_space);
        probe[with_space] = '\0';
        if (ui_measure(ui, probe, px) > width)
            break; /* with best 0, the first word alone is too wide: cut below */
        best = i;
        if (!p[i] || p[i] == '\n')
            break;
        i++;
    }
    if (best == 0) {
        /* One word wider than the line (a long path): break it where it fits. */
        size_t word = i < sizeof probe ? i : sizeof probe - 1;
        size_t cut = 0;
        best = word;
        for (size_t k = 1; k <= word; k++) {
            if (k < word && ((unsigned char)p[k] & 0xC0) == 0x80)
                continue; /* never inside a UTF-8 character */
            memcpy(probe, p, k);
            probe[k] = '\0';
            if (ui_measure(ui, probe, px) > width)
                break;
            cut = k;
        }
        if (cut > 0)
            best = cut;
    }
    line->start = (int)pos;
    line->len = (int)best;
    size_t next = pos + best;
    while (text[next] == ' ')
        next++;
    if (text[next] == '\n')
        next++;
    return next;
}

static int wrap_lines(Ui *ui, const char *text, int width, int px, int editing, UiLine *lines,
                      int max)
{
    int n = 0;
    for (size_t pos = 0; text[pos] && n < max; n++)
        pos = wrap_line(ui, text, pos, width, px, editing, &lines[n]);
    return n;
}

int ui_wrap_lines(Ui *ui, const char *text, int width, int px, UiLine *lines, int max)
{
    return wrap_lines(ui, text, width, px, 0, lines, max);
}

int ui_wrap_editing(Ui *ui, const char *text, int width, int px, UiLine *lines, int max)
{
    return wrap_lines(ui, text, width, px, 1, lines, max);
}

int ui_text_wrap(Ui *ui, const char *text, Rect r, int size_px, Color c, Align align, int draw)
{
    int line_h = size_px * 27 / 20;
    int y = r.y;
    char shown[UI_WRAP_BYTES];
    for (size_t pos = 0; text[pos];) {
        UiLine line;
        pos = wrap_line(ui, text, pos, r.w, size_px, 0, &line);
        if (draw) {
            memcpy(shown, text + line.start, (size_t)line.len);
            shown[line.len] = '\0';
            ui_text(ui, shown, rect_make(r.x, y, r.w, line_h), size_px, c, align);
        }
        y += line_h;
    }
    return y - r.y;
}

/* The widest line ui_text_wrap would make of text at size within width. */
static int wrapped_fits(Ui *ui, const char *text, int width, int size, int max_h)
{
    int h = ui_text_wrap(ui, text, rect_make(0, 0, width, 1 << 20), size, color_rgb(0), ALIGN_LEFT,
                         0);
    if (h > max_h)
        return 0;
    /* A single word wider than the box does not fit either. */
    char word[256];
    const char *p = text;
    while (*p) {
        size_t n = strcspn(p, " \n");
        if (n >= sizeof word)
            return 0;
        memcpy(word, p, n);
        word[n] = '\0';
        if (ui_measure(ui, word, size) > width)
            return 0;
        p += n;
        while (*p == ' ' || *p == '\n')
            p++;
    }
    return 1;
}

void ui_fit_line(Ui *ui, const char *text, int width, int size_px, char *out, size_t size)
{
    if (size == 0)
        return;
    /* One line only: a line break ends what is shown. */
    char line[UI_WRAP_BYTES];
    size_t len = strcspn(text, "\n");
    if (len >= sizeof line)
        len = sizeof line - 1;
    memcpy(line, text, len);
    line[len] = '\0';
    int cut = line[len] != text[len] || text[len] == '\n';
    if (!cut && ui_measure(ui, line, size_px) <= width) {
        utf8_copy(out, size, line);
        return;
    }
    int lo = 0, hi = utf8_length(line);
    char probe[UI_WRAP_BYTES + 4];
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        size_t bytes = utf8_prefix_bytes(line, mid);
        memcpy(probe, line, bytes);
        memcpy(probe + bytes, "…", sizeof "…");
        if (ui_measure(ui, probe, size_px) <= width)
            lo = mid;
        else
            hi = mid - 1;
    }
    size_t bytes = utf8_prefix_bytes(line, lo);
    while (bytes > 0 && line[bytes - 1] == ' ')
        bytes--;
    memcpy(probe, line, bytes);
    memcpy(probe + bytes, "…", sizeof "…");
    utf8_copy(out, size, probe);
}

/* The largest size in [min_px, size_px] at which text fits on one line w wide;
 * 0 when it does not fit even at min_px. Widths grow with the size, so the size
 * is guessed in proportion from one measure and settled from there: two or
 * three sizes measured, not every one on the way down (each a face opened at
 * that size, the first time, in the platform's text). */
static int line_size(Ui *ui, const char *text, int w, int size_px, int min_px)
{
    int full = ui_measure(ui, text, size_px);
    if (full <= w)
        return size_px;
    int size = full > 0 ? (int)((long long)size_px * w / full) : min_px;
    if (size >= size_px)
        size = size_px - 1;
    if (size < min_px)
        size = min_px;
    if (ui_measure(ui, text, size) <= w) {
        while (size + 1 < size_px && ui_measure(ui, text, size + 1) <= w)
            size++;
        return size;
    }
    while (size > min_px)
        if (ui_measure(ui, text, --size) <= w)
            return size;
    return 0;
}

static int box_size(Ui *ui, const char *text, int w, int h, int size_px, int min_px)
{
    if (min_px < ui->min_text_px)
        min_px = ui->min_text_px;
    if (size_px < min_px)
        size_px = min_px;
    int size = line_size(ui, text, w, size_px, min_px);
    if (size > 0)
        return size;
    for (size = size_px; size >= min_px; size--)
        if (wrapped_fits(ui, text, w, size, h))
            return -size;
    return 0;
}

int ui_text_box_fits(Ui *ui, const char *text, int w, int h, int min_px)
{
    return box_size(ui, text, w, h, min_px, min_px) != 0;
}

void ui_text_box(Ui *ui, const char *text, Rect r, int size_px, int min_px, Color c, Align align)
{
    if (!text || !*text)
        return;
    if (min_px < ui->min_text_px)
        min_px = ui->min_text_px;
    if (size_px < min_px)
        size_px = min_px;
    int size = box_size(ui, text, r.w, r.h, size_px, min_px);
    if (size > 0) {
        ui_text_fit(ui, text, r, size, size, c, align);
        return;
    }
    if (size < 0) {
        size = -size;
        Rect measure = rect_make(r.x, r.y, r.w, 1 << 20);
        int h = ui_text_wrap(ui, text, measure, size, c, align, 0);
        ui_text_wrap(ui, text, rect_make(r.x, r.y + (r.h - h) / 2, r.w, h), size, c, align, 1);
        return;
    }
    /* Too much for the box even at the floor: the lines that fit, the last one
     * ending in "…" where the text goes on; never outside the box. */
    size = min_px;
    int line_h = size * 27 / 20;
    int max_lines = r.h / line_h > 0 ? r.h / line_h : 1;
    UiLine lines[16];
    if (max_lines > 16)
        max_lines = 16;
    int n = ui_wrap_lines(ui, text, r.w, size, lines, max_lines);
    int y = r.y + (r.h - n * line_h) / 2;
    char shown[UI_WRAP_BYTES];
    for (int k = 0; k < n; k++) {
        const UiLine *l = &lines[k];
        char end = text[l->start + l->len];
        int cut_word = end && end != ' ' && end != '\n';
        int last = k == n - 1 || cut_word;
        if (last) {
            /* The rest of the text on this line, cut with "…" where it goes on. */
            ui_fit_line(ui, text + l->start, r.w, size, shown, sizeof shown);
        } else {
            snprintf(shown, sizeof shown, "%.*s", l->len, text + l->start);
        }
        ui_text(ui, shown, rect_make(r.x, y, r.w, line_h), size, c, align);
        y += line_h;
        if (last)
            break;
    }
}

void ui_inert_begin(Ui *ui)
{
    ui->inert++;
}

void ui_inert_end(Ui *ui)
{
    assert(ui->inert > 0 && "ui_inert_end without ui_inert_begin");
    ui->inert--;
}
