/* The shared journal's timeline [journal] and entry [entry] screens, the note
 * editor and the helpers the journal's other screens share. The timeline holds
 * a window of at most JOURNAL_WINDOW items and pages the rest in from the store
 * by key as it scrolls, so ten thousand items cost what fifty do. */
#include "journal_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    DAY_S = 86400,
    TOAST_MS = 3000,
    UNDO_MS = 30000,
    LINK_RECENT_MS = 12 * 3600 * 1000, /* "the latest session" when it is this recent */
    GLIDE_SAMPLE_MS = 120,
};

static const char *const weekday_names[7] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                             "Thursday", "Friday", "Saturday"};
static const char *const month_names[12] = {"January", "February", "March",     "April",
                                            "May",     "June",     "July",      "August",
                                            "September", "October", "November", "December"};

/* ---- shared helpers ---- */

const char *journal_store_words(int status)
{
    switch (status) {
    case 2: return "the storage is full";
    case 3: return "the storage is failing";
    case 4: return "the storage is read-only";
    case 5: return "the journal is busy";
    case 6: return "the journal file is damaged";
    case 8: return "it is no longer there";
    default: return "the journal could not be reached";
    }
}

int journal_setting_set(App *app, const char *key, const char *value)
{
    if (!app->host.setting_set)
        return 1;
    return app->host.setting_set(app->host.ctx, key, value);
}

void journal_load(App *app)
{
    JournalState *js = &app->journal;
    if (js->loaded)
        return;
    js->loaded = 1;
    words_defaults(&js->words);
    js->insights_weeks = 4;
    js->stale = 1;
    js->words_index = -1;
    const JournalHost *h = &app->host.journal;
    char value[WORDS_SETTING_MAX];
    if (h->setting_get) {
        for (int l = 0; l < WORDS_LIST_COUNT; l++)
            if (h->setting_get(app->host.ctx, words_setting_key((WordsList)l), value, sizeof value) ==
                0)
                words_parse(&js->words, (WordsList)l, value);
        if (h->setting_get(app->host.ctx, "journal.pin.failures", value, sizeof value) == 0) {
            long n = strtol(value, NULL, 10);
            js->pin_failures = n > 0 && n < 1000 ? (int)n : 0;
        }
    }
    /* A PIN whose state cannot be read cannot be checked either: treated as none. */
    if (h->pin_state)
        js->pin_set = h->pin_state(app->host.ctx) == 1;
}

static size_t utf8_prefix_bytes(const char *text, int chars)
{
    size_t at = 0;
    for (int i = 0; i < chars && text[at]; i++) {
        int n = utf8_char_bytes(text + at);
        at += n > 0 ? (size_t)n : 1;
    }
    return at;
}

void journal_fit_line(Ui *ui, const char *text, int width, int size_px, char *out, size_t size)
{
    if (size == 0)
        return;
    /* One line only: a line break ends what is shown. */
    char line[EVENT_NOTE_MAX];
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
    char probe[EVENT_NOTE_MAX + 4];
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

static void parts_line(App *app, const char *line, Rect r, int y, int px, Color c)
{
    char fit[1024];
    journal_fit_line(&app->ui, line, r.w, px, fit, sizeof fit);
    ui_text(&app->ui, fit, rect_make(r.x, y, r.w, px * 27 / 20), px, c, ALIGN_LEFT);
}

int journal_parts(App *app, const char *text, const char *sep, Rect r, int px, Color c, int draw)
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
        if (line[0] && (len >= (int)sizeof probe || ui_measure(&app->ui, probe, px) > r.w)) {
            /* A break: ", " keeps its comma at the line's end; " · " just goes. */
            size_t keep = strlen(line);
            memcpy(probe, line, keep + 1);
            if (sep[0] != ' ' && keep + 1 < sizeof probe) {
                probe[keep] = sep[0];
                probe[keep + 1] = '\0';
            }
            if (draw)
                parts_line(app, probe, r, y, px, c);
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
            parts_line(app, line, r, y, px, c);
        y += lh;
    }
    return y - r.y;
}

void journal_scroll_arrows(App *app, UiScroll *sc, Rect column, int can_up, int can_down)
{
    const Metrics *m = &app->metrics;
    UiStyle arrow = app_style_button(app);
    int ah = (column.h - m->gap) / 2;
    if (ui_button(&app->ui, "Scroll up", "", rect_make(column.x, column.y, column.w, ah),
                  SHAPE_ARROW_UP, &arrow, can_up ? 0 : UI_DISABLED))
        sc->offset -= sc->view.h * 2 / 3;
    if (ui_button(&app->ui, "Scroll down", "",
                  rect_make(column.x, column.y + ah + m->gap, column.w, column.h - ah - m->gap),
                  SHAPE_ARROW_DOWN, &arrow, can_down ? 0 : UI_DISABLED))
        sc->offset += sc->view.h * 2 / 3;
}

static int flow_row_h(const App *app)
{
    const Metrics *m = &app->metrics;
    int h = m->unit * 4 / 5;
    return h > m->target ? h : m->target;
}

static int natural_width(App *app, const JournalButton *b, const UiStyle *st, int max_w)
{
    int w = ui_measure(&app->ui, b->text ? b->text : b->label, st->text_px) + st->text_px * 3 / 2;
    if (w < app->metrics.target)
        w = app->metrics.target;
    return w < max_w ? w : max_w;
}

/* Places the buttons; with draw 0 only measures. */
static int flow(App *app, Rect area, JournalButton *b, int count, int *tapped, const UiStyle *st,
                int equal, int draw)
{
    const Metrics *m = &app->metrics;
    int gap = m->gap / 2;
    int row_h = flow_row_h(app);
    if (count <= 0)
        return 0;
    if (equal) {
        int min_w = m->target;
        for (int i = 0; i < count; i++) {
            int w = natural_width(app, &b[i], st, area.w);
            min_w = w > min_w ? w : min_w;
        }
        int per_row = (area.w + gap) / (min_w + gap);
        per_row = per_row < 1 ? 1 : per_row > count ? count : per_row;
        int rows = (count + per_row - 1) / per_row;
        per_row = (count + rows - 1) / rows; /* balanced rows: 6 and 5, not 10 and 1 */
        int w = (area.w - (per_row - 1) * gap) / per_row;
        for (int i = 0; draw && i < count; i++) {
            Rect r = rect_make(area.x + (i % per_row) * (w + gap), area.y + (i / per_row) * (row_h + gap),
                               w, row_h);
            UiStyle s = *st;
            if (b[i].selected)
                s.bg = color_mix(app->theme.surface, app->theme.accent, 0.4f);
            int flags = (b[i].selected ? UI_SELECTED : 0) | (b[i].disabled ? UI_DISABLED : 0);
            if (ui_button(&app->ui, b[i].label, b[i].text, r, SHAPE_NONE, &s, flags) && tapped)
                *tapped = i;
        }
        return rows * row_h + (rows - 1) * gap;
    }
    int x = area.x, y = area.y;
    for (int i = 0; i < count; i++) {
        int w = natural_width(app, &b[i], st, area.w);
        if (x > area.x && x + w > area.x + area.w) {
            x = area.x;
            y += row_h + gap;
        }
        if (draw) {
            UiStyle s = *st;
            if (b[i].selected)
                s.bg = color_mix(app->theme.surface, app->theme.accent, 0.4f);
            int flags = (b[i].selected ? UI_SELECTED : 0) | (b[i].disabled ? UI_DISABLED : 0);
            if (ui_button(&app->ui, b[i].label, b[i].text, rect_make(x, y, w, row_h), SHAPE_NONE, &s,
                          flags) &&
                tapped)
                *tapped = i;
        }
        x += w + gap;
    }
    return y + row_h - area.y;
}

int journal_button_flow(App *app, Rect area, JournalButton *buttons, int count, int *tapped,
                        const UiStyle *style, int equal_width)
{
    return flow(app, area, buttons, count, tapped, style, equal_width, 1);
}

int journal_button_flow_height(App *app, int width, const JournalButton *buttons, int count,
                               const UiStyle *style, int equal_width)
{
    return flow(app, rect_make(0, 0, width, 0), (JournalButton *)buttons, count, NULL, style,
                equal_width, 0);
}

int journal_wrap(Ui *ui, const char *text, int width, int px, JournalLine *lines, int max)
{
    int n = 0;
    size_t pos = 0;
    char probe[EVENT_NOTE_MAX + 8];
    while (text[pos] && n < max) {
        size_t start = pos, end = pos, space = 0;
        int has_space = 0;
        /* Greedy, a character at a time: the last space that fits ends the
         * line; a word longer than the line is cut between characters. */
        while (text[end] && text[end] != '\n') {
            int b = utf8_char_bytes(text + end);
            size_t next = end + (size_t)(b > 0 ? b : 1);
            size_t len = next - start;
            if (len >= sizeof probe)
                break;
            memcpy(probe, text + start, len);
            probe[len] = '\0';
            if (end > start && ui_measure(ui, probe, px) > width)
                break;
            if (text[end] == ' ') {
                space = end;
                has_space = 1;
            }
            end = next;
        }
        size_t stop = end;
        if (text[end] && text[end] != '\n' && has_space && space > start)
            stop = space; /* the line ends at the last space that fit */
        lines[n].start = (int)start;
        lines[n].len = (int)(stop - start);
        n++;
        pos = stop;
        if (text[pos] == '\n')
            pos++;
        else
            while (text[pos] == ' ')
                pos++;
    }
    return n;
}

static void draw_line(Ui *ui, const char *text, JournalLine line, Rect r, int px, Color c)
{
    char buf[EVENT_NOTE_MAX + 8];
    size_t len = (size_t)line.len < sizeof buf - 1 ? (size_t)line.len : sizeof buf - 1;
    memcpy(buf, text + line.start, len);
    buf[len] = '\0';
    ui_text(ui, buf, r, px, c, ALIGN_LEFT);
}

int journal_editor(App *app, const char *title, Keyboard *kb)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    Rect area = app_header(app, title);
    int kb_h = keyboard_height(m, area.w);
    Rect keys = rect_make(area.x, area.y + area.h - kb_h, area.w, kb_h);
    int field_h = keys.y - m->gap / 2 - area.y;
    if (field_h > m->unit * 4)
        field_h = m->unit * 4;
    Rect field = rect_make(area.x, area.y, area.w, field_h);
    ui_rect(ui, field, t->surface, m->radius);
    ui_frame(ui, field, t->accent, m->radius, 2);

    char count[32];
    snprintf(count, sizeof count, "%d/%d", utf8_length(kb->text), kb->max_chars);
    int count_w = ui_measure(ui, count, m->text_small) + m->gap;
    Rect inner = rect_inset(field, m->gap / 2);
    Rect text_r = rect_make(inner.x, inner.y, inner.w - count_w, inner.h);
    ui_text(ui, count, rect_make(inner.x + inner.w - count_w, inner.y, count_w, m->text_small * 3 / 2),
            m->text_small, utf8_length(kb->text) >= kb->max_chars ? t->danger_free_warn : t->text_dim,
            ALIGN_RIGHT);

    char shown[KEYBOARD_BYTES + 8];
    snprintf(shown, sizeof shown, "%s|", kb->text);
    int px = m->text;
    if (text_r.h < px * 27 / 20)
        px = m->text_small;
    /* The end of a long note, where the typing is. */
    JournalLine lines[KEYBOARD_BYTES];
    int n = journal_wrap(ui, shown, text_r.w, px, lines, KEYBOARD_BYTES);
    int lh = px * 27 / 20;
    int fit = text_r.h / lh > 0 ? text_r.h / lh : 1;
    int first = n > fit ? n - fit : 0;
    for (int i = first; i < n; i++)
        draw_line(ui, shown, lines[i], rect_make(text_r.x, text_r.y + (i - first) * lh, text_r.w, lh),
                  px, t->text);
    return keyboard_ui(kb, ui, keys, t, m) == KEYBOARD_DONE;
}

/* ---- words for times and days ---- */

static int64_t local_day(int64_t time_ms, int32_t offset_s)
{
    int64_t s = time_ms / 1000 + offset_s;
    if (time_ms < 0 && time_ms % 1000)
        s--;
    int64_t d = s / DAY_S;
    if (s % DAY_S < 0)
        d--;
    return d;
}

static CivilTime local_civil(int64_t time_ms, int32_t offset_s)
{
    int64_t s = time_ms / 1000 + offset_s;
    if (time_ms < 0 && time_ms % 1000)
        s--;
    return civil_from_unix(s);
}

static void day_words(const App *app, const JournalItem *it, char *out, size_t size)
{
    int64_t day = local_day(it->time_ms, it->utc_offset_s);
    int64_t today = local_day(app->time.wall_ms, app->time.utc_offset_s);
    CivilTime c = local_civil(it->time_ms, it->utc_offset_s);
    CivilTime now = app_local_time(app);
    char date[64];
    if (c.year == now.year)
        snprintf(date, sizeof date, "%s %d %s", weekday_names[c.weekday % 7], c.day,
                 month_names[(c.month + 11) % 12]);
    else
        snprintf(date, sizeof date, "%s %d %s %d", weekday_names[c.weekday % 7], c.day,
                 month_names[(c.month + 11) % 12], c.year);
    if (day == today)
        snprintf(out, size, "Today · %s", date);
    else if (day == today - 1)
        snprintf(out, size, "Yesterday · %s", date);
    else
        snprintf(out, size, "%s", date);
}

static void minutes_words(int64_t ms, char *out, size_t size)
{
    int64_t min = (ms + 30000) / 60000;
    if (ms < 60000)
        snprintf(out, size, "under a minute");
    else if (min < 60)
        snprintf(out, size, "%d min", (int)min);
    else
        snprintf(out, size, "%d h %02d min", (int)(min / 60), (int)(min % 60));
}

static const char *who_words(const App *app, int partner)
{
    if (partner == 3)
        return "Together";
    return app_partner_name(app, partner);
}

/* "8 min · 2 signals · 1 pause" */
static void session_figures(const JournalItem *it, char *out, size_t size)
{
    char length[32];
    minutes_words(it->end_ms > it->time_ms ? it->end_ms - it->time_ms : 0, length, sizeof length);
    snprintf(out, size, "%s · %d signal%s · %d pause%s", length, it->signals,
             it->signals == 1 ? "" : "s", it->pauses, it->pauses == 1 ? "" : "s");
}

static void session_words(const JournalItem *it, char *out, size_t size)
{
    char figures[96];
    session_figures(it, figures, sizeof figures);
    CivilTime c = local_civil(it->time_ms, it->utc_offset_s);
    snprintf(out, size, "%02d:%02d · Signals · %s", c.hour, c.minute, figures);
}

static void breathing_words(const JournalItem *it, char *out, size_t size)
{
    char length[32];
    minutes_words((int64_t)it->ev.actual_s * 1000, length, sizeof length);
    CivilTime c = local_civil(it->time_ms, it->utc_offset_s);
    const char *pattern = it->ev.label[0] ? it->ev.label : it->ev.name;
    if (it->ev.pauses > 0)
        snprintf(out, size, "%02d:%02d · Breathing · %s · %s · %d pause%s", c.hour, c.minute,
                 pattern, length, it->ev.pauses, it->ev.pauses == 1 ? "" : "s");
    else
        snprintf(out, size, "%02d:%02d · Breathing · %s · %s", c.hour, c.minute, pattern, length);
}

static void ratings_words(const LogEvent *ev, char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    const struct {
        const char *name;
        int value;
    } r[4] = {{"Closeness", ev->closeness},
              {"Comfort", ev->comfort},
              {"Pain", ev->pain},
              {"Tiredness", ev->tiredness}};
    for (int i = 0; i < 4; i++) {
        if (r[i].value < 0)
            continue;
        int n = snprintf(out + used, size - used, "%s%s %d", used ? " · " : "", r[i].name,
                         r[i].value);
        if (n < 0 || (size_t)n >= size - used)
            return;
        used += (size_t)n;
    }
}

static void entry_title(const App *app, const JournalItem *it, char *out, size_t size)
{
    CivilTime c = local_civil(it->time_ms, it->utc_offset_s);
    char ratings[160];
    ratings_words(&it->ev, ratings, sizeof ratings);
    snprintf(out, size, "%02d:%02d · %s%s%s", c.hour, c.minute, who_words(app, it->ev.partner),
             ratings[0] ? " · " : "", ratings);
}

/* The entry's chip lines: "Tried: Massage, Holding", "Helped: ...", "Next time: ...".
 * Returns how many (0 to 3). */
static int entry_chip_lines(const App *app, const LogEvent *ev, char out[3][640])
{
    static const char *const heads[3] = {"Tried: ", "Helped: ", "Next time: "};
    const char *joined[3] = {ev->tried, ev->helped, ev->next};
    char labels[600];
    int n = 0;
    for (int l = 0; l < 3; l++) {
        chips_labels(&app->journal.words, (WordsList)l, joined[l], labels, sizeof labels);
        if (labels[0])
            snprintf(out[n++], 640, "%s%s", heads[l], labels);
    }
    return n;
}

/* ---- the timeline's window ---- */

static int line_h(const App *app, int px)
{
    (void)app;
    return px * 27 / 20;
}

static int header_height(const App *app)
{
    return line_h(app, app->metrics.text_small) + app->metrics.gap / 2;
}

/* The first lines of a note (at most max), the last ending in "…" when there
 * is more. Returns the height. */
static int note_lines(App *app, const char *note, Rect r, int max, Color c, int draw)
{
    const Metrics *m = &app->metrics;
    int lh = line_h(app, m->text_small);
    JournalLine lines[4];
    if (max > 3)
        max = 3;
    int n = journal_wrap(&app->ui, note, r.w, m->text_small, lines, max + 1);
    int shown = n < max ? n : max;
    for (int i = 0; draw && i < shown; i++) {
        Rect lr = rect_make(r.x, r.y + i * lh, r.w, lh);
        if (i == shown - 1 && n > max) {
            char last[EVENT_NOTE_MAX + 8], fit[EVENT_NOTE_MAX + 8];
            snprintf(last, sizeof last, "%s…", note + lines[i].start);
            journal_fit_line(&app->ui, last, r.w, m->text_small, fit, sizeof fit);
            ui_text(&app->ui, fit, lr, m->text_small, c, ALIGN_LEFT);
        } else {
            draw_line(&app->ui, note, lines[i], lr, m->text_small, c);
        }
    }
    return shown * lh;
}

/* Where an entry's words start inside its row, and how wide they may be. */
static void entry_text_box(const App *app, int width, int *x, int *w)
{
    const Metrics *m = &app->metrics;
    *x = m->text_small + m->gap;
    *w = width - *x - m->gap / 2;
}

/* An entry's words from (x, y), w wide: the time, who and the ratings, the
 * chips, the note's first lines. Returns their height; draw 0 measures. */
static int entry_body(App *app, const JournalItem *it, int x, int y, int w, int draw)
{
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    int top = y;
    char text[640];
    entry_title(app, it, text, sizeof text);
    y += journal_parts(app, text, " · ", rect_make(x, y, w, 0), m->text_small, t->text, draw);
    char chips[3][640];
    int n = entry_chip_lines(app, &it->ev, chips);
    for (int i = 0; i < n; i++)
        y += journal_parts(app, chips[i], ", ", rect_make(x, y, w, 0), m->text_small, t->text_dim,
                           draw);
    if (it->ev.note[0])
        y += note_lines(app, it->ev.note, rect_make(x, y, w, 0), 2, t->text_dim, draw);
    return y - top;
}

static int item_height(App *app, const JournalItem *it, int width)
{
    const Metrics *m = &app->metrics;
    if (it->kind != JOURNAL_ITEM_ENTRY)
        return line_h(app, m->text_small) + m->gap;
    int x, w;
    entry_text_box(app, width, &x, &w);
    int h = entry_body(app, it, x, 0, w, 0) + m->gap;
    int min = m->unit > m->target ? m->unit : m->target;
    return (h > min ? h : min) + m->gap / 2;
}

/* Where each item starts (its day heading included); tops[count] is the end.
 * Heights are measured once per item and width, then kept. */
static int timeline_layout(App *app, int *tops)
{
    JournalState *js = &app->journal;
    int width = js->scroll.view.w;
    if (js->item_h_width != width) {
        memset(js->item_h, 0, sizeof js->item_h);
        js->item_h_width = width;
    }
    int y = 0;
    for (int i = 0; i < js->item_count; i++) {
        tops[i] = y;
        const JournalItem *it = &js->items[i];
        if (i == 0 || local_day(it->time_ms, it->utc_offset_s) !=
                          local_day(js->items[i - 1].time_ms, js->items[i - 1].utc_offset_s))
            y += header_height(app);
        if (js->item_h[i] <= 0)
            js->item_h[i] = item_height(app, it, width);
        y += js->item_h[i];
    }
    tops[js->item_count] = y;
    return y;
}

static int fetch(App *app, const JournalKey *from, int newer, JournalItem *out, int max, int *count)
{
    const JournalHost *h = &app->host.journal;
    *count = 0;
    if (!h->timeline_page)
        return 0; /* no store: an empty journal */
    int status = h->timeline_page(app->host.ctx, from, newer, out, max, count);
    if (status != 0) {
        app->journal.failed = status;
        *count = 0;
    }
    return status;
}

static void reload_newest(App *app)
{
    JournalState *js = &app->journal;
    int n = 0;
    js->failed = 0;
    fetch(app, NULL, 0, js->items, JOURNAL_PAGE * 2, &n);
    js->item_count = n;
    memset(js->item_h, 0, sizeof js->item_h);
    js->at_newest = 1;
    js->at_oldest = n < JOURNAL_PAGE * 2;
    js->stale = 0;
}

/* Reloads around the first item held, keeping the place in the list. */
static void reload_here(App *app)
{
    JournalState *js = &app->journal;
    if (js->item_count == 0 || js->at_newest) {
        reload_newest(app);
        return;
    }
    JournalKey k = journal_item_key(&js->items[0]);
    k.id += 1; /* just before it, so it is included */
    int n = 0;
    js->failed = 0;
    fetch(app, &k, 0, js->items, JOURNAL_PAGE * 2, &n);
    js->item_count = n;
    memset(js->item_h, 0, sizeof js->item_h);
    js->at_oldest = n < JOURNAL_PAGE * 2;
    js->stale = 0;
    if (n == 0)
        reload_newest(app);
}

/* Keeps the item at the top of the view where it is on screen while items
 * come and go above it. */
typedef struct {
    JournalKey key;
    int rel;
    int valid;
} Anchor;

static Anchor anchor_take(App *app)
{
    const JournalState *js = &app->journal;
    Anchor a = {{0, 0, 0}, 0, 0};
    int tops[JOURNAL_WINDOW + 1];
    timeline_layout(app, tops);
    for (int i = 0; i < js->item_count; i++) {
        if (tops[i + 1] > js->scroll.offset) {
            a.key = journal_item_key(&js->items[i]);
            a.rel = js->scroll.offset - tops[i];
            a.valid = 1;
            break;
        }
    }
    return a;
}

static void anchor_restore(App *app, const Anchor *a)
{
    JournalState *js = &app->journal;
    if (!a->valid)
        return;
    int tops[JOURNAL_WINDOW + 1];
    timeline_layout(app, tops);
    for (int i = 0; i < js->item_count; i++) {
        JournalKey k = journal_item_key(&js->items[i]);
        if (journal_key_compare(&k, &a->key) == 0) {
            int before = js->scroll.offset;
            js->scroll.offset = tops[i] + a->rel;
            /* A drag in progress moves on from where the list now is. */
            if (app->ui.drag_scroll == &js->scroll)
                app->ui.drag_start_offset += js->scroll.offset - before;
            return;
        }
    }
}

static void load_older(App *app)
{
    JournalState *js = &app->journal;
    JournalItem *page = malloc(sizeof(JournalItem) * JOURNAL_PAGE);
    if (!page)
        return;
    int n = 0;
    JournalKey last = journal_item_key(&js->items[js->item_count - 1]);
    if (fetch(app, &last, 0, page, JOURNAL_PAGE, &n) != 0 || n < JOURNAL_PAGE)
        js->at_oldest = 1;
    if (n > 0) {
        Anchor a = anchor_take(app);
        int drop = js->item_count + n - JOURNAL_WINDOW;
        if (drop > 0) {
            memmove(js->items, js->items + drop, sizeof(JournalItem) * (size_t)(js->item_count - drop));
            memmove(js->item_h, js->item_h + drop, sizeof(int) * (size_t)(js->item_count - drop));
            js->item_count -= drop;
            js->at_newest = 0;
        }
        memcpy(js->items + js->item_count, page, sizeof(JournalItem) * (size_t)n);
        memset(js->item_h + js->item_count, 0, sizeof(int) * (size_t)n);
        js->item_count += n;
        anchor_restore(app, &a);
    }
    free(page);
}

static void load_newer(App *app)
{
    JournalState *js = &app->journal;
    JournalItem *page = malloc(sizeof(JournalItem) * JOURNAL_PAGE);
    if (!page)
        return;
    int n = 0;
    JournalKey first = journal_item_key(&js->items[0]);
    if (fetch(app, &first, 1, page, JOURNAL_PAGE, &n) != 0 || n < JOURNAL_PAGE)
        js->at_newest = 1;
    if (n > 0) {
        Anchor a = anchor_take(app);
        int keep = JOURNAL_WINDOW - n;
        if (js->item_count > keep) {
            js->item_count = keep;
            js->at_oldest = 0;
        }
        memmove(js->items + n, js->items, sizeof(JournalItem) * (size_t)js->item_count);
        memmove(js->item_h + n, js->item_h, sizeof(int) * (size_t)js->item_count);
        memcpy(js->items, page, sizeof(JournalItem) * (size_t)n);
        memset(js->item_h, 0, sizeof(int) * (size_t)n);
        js->item_count += n;
        anchor_restore(app, &a);
    }
    free(page);
}

/* Pages items in (and out) as the view nears either end of the window. */
static void window_follow(App *app)
{
    JournalState *js = &app->journal;
    for (int round = 0; round < 4; round++) {
        int tops[JOURNAL_WINDOW + 1];
        int content = timeline_layout(app, tops);
        int view = js->scroll.view.h;
        if (js->item_count > 0 && !js->at_oldest && js->scroll.offset + 2 * view >= content)
            load_older(app);
        else if (js->item_count > 0 && !js->at_newest && js->scroll.offset < view)
            load_newer(app);
        else
            break;
    }
}

/* Drag samples, and the glide that follows a flick. */
static void glide(App *app)
{
    JournalState *js = &app->journal;
    Ui *ui = &app->ui;
    int64_t now = app->time.mono_ms;
    int dragging = ui->dragging && ui->drag_scroll == &js->scroll;
    if (ui->input.kind == UI_INPUT_PRESS)
        js->velocity = 0.0f; /* a touch stops the list */
    if (dragging) {
        js->velocity = 0.0f;
        int last = js->drag_samples - 1;
        if (js->drag_samples > 0 && js->drag_mono[last % 4] == now) {
            js->drag_offset[last % 4] = js->scroll.offset;
        } else {
            js->drag_mono[js->drag_samples % 4] = now;
            js->drag_offset[js->drag_samples % 4] = js->scroll.offset;
            js->drag_samples++;
        }
    } else if (js->was_dragging) {
        int n = js->drag_samples < 4 ? js->drag_samples : 4;
        if (n >= 2) {
            int newest = (js->drag_samples - 1) % 4;
            int oldest = newest;
            for (int i = 1; i < n; i++) {
                int k = (js->drag_samples - 1 - i) % 4;
                if (js->drag_mono[newest] - js->drag_mono[k] > GLIDE_SAMPLE_MS)
                    break;
                oldest = k;
            }
            int64_t dt = js->drag_mono[newest] - js->drag_mono[oldest];
            if (dt > 0 && now - js->drag_mono[newest] < GLIDE_SAMPLE_MS) {
                float v = (float)(js->drag_offset[newest] - js->drag_offset[oldest]) / (float)dt;
                if (fabsf(v) > 0.25f) {
                    js->velocity = v;
                    js->glide = 0.0f;
                    js->glide_mono = now;
                }
            }
        }
        js->drag_samples = 0;
    } else if (js->velocity != 0.0f) {
        int64_t dt = now - js->glide_mono;
        if (dt > 0) {
            /* v(t) = v0·e^(−t/325 ms): the distance is v0 × 325 ms, a familiar feel. */
            float k = expf(-(float)dt / 325.0f);
            float moved = js->velocity * 325.0f * (1.0f - k) + js->glide;
            int whole = (int)moved;
            js->glide = moved - (float)whole;
            js->scroll.offset += whole;
            js->velocity *= k;
            js->glide_mono = now;
            int max = js->scroll.content_h - js->scroll.view.h;
            int at_end = (js->scroll.offset <= 0 && js->at_newest) ||
                         (js->scroll.offset >= max && js->at_oldest);
            if (fabsf(js->velocity) < 0.02f || at_end)
                js->velocity = 0.0f;
        }
    }
    js->was_dragging = dragging;
}

int journal_animating(const App *app)
{
    return app_screen(app) == SCREEN_JOURNAL && app->journal.velocity != 0.0f;
}

/* ---- the timeline screen ---- */

static void open_entry(App *app, const JournalItem *it)
{
    JournalState *js = &app->journal;
    js->draft = it->ev;
    memset(&js->draft_session, 0, sizeof js->draft_session);
    const JournalHost *h = &app->host.journal;
    if (it->ev.session && h->session_item &&
        h->session_item(app->host.ctx, it->ev.session, &js->draft_session) != 0)
        memset(&js->draft_session, 0, sizeof js->draft_session);
    js->form_error[0] = '\0';
    js->note_open = 0;
    js->form_scroll.offset = 0;
    js->keep_place = 1;
    app_push(app, SCREEN_ENTRY);
}

void journal_new_entry(App *app, int64_t session)
{
    JournalState *js = &app->journal;
    journal_load(app);
    event_init(&js->draft, EVENT_ENTRY);
    js->draft.partner = 3;
    memset(&js->draft_session, 0, sizeof js->draft_session);
    const JournalHost *h = &app->host.journal;
    JournalItem it;
    if (session < 0) {
        /* A session the storage has not taken yet: its stand-in id, which
         * durable.c replaces when it lands. */
        js->draft.session = session;
    } else if (h->session_item && h->session_item(app->host.ctx, session, &it) == 0 && it.id) {
        int64_t last = it.end_ms > it.time_ms ? it.end_ms : it.time_ms;
        /* "The latest session" only while it is still this evening's. */
        if (session != 0 || app->time.wall_ms - last <= LINK_RECENT_MS) {
            js->draft.session = it.id;
            js->draft_session = it;
        }
    }
    js->form_error[0] = '\0';
    js->note_open = 0;
    js->form_scroll.offset = 0;
    if (app_screen(app) != SCREEN_JOURNAL) {
        app_home(app);
        app_push(app, SCREEN_JOURNAL);
        js->keep_place = 0;
    } else {
        js->keep_place = 1;
    }
    app_push(app, SCREEN_ENTRY);
}

static void toast(App *app, const char *text, int64_t ms)
{
    JournalState *js = &app->journal;
    snprintf(js->toast, sizeof js->toast, "%s", text);
    js->toast_until = app->time.mono_ms + ms;
}

/* The bar under the list: "Saved", or "Entry deleted" with Undo. Returns its height. */
static int toast_bar(App *app, Rect area, int draw)
{
    JournalState *js = &app->journal;
    const Metrics *m = &app->metrics;
    int64_t now = app->time.mono_ms;
    int undo = js->undo_id && js->undo_until > now;
    if (!undo && js->toast_until <= now)
        return 0;
    int h = m->unit;
    if (!draw)
        return h + m->gap;
    Rect bar = rect_make(area.x, area.y + area.h - h, area.w, h);
    ui_rect(&app->ui, bar, app->theme.surface_hi, m->radius);
    int bw = undo ? m->unit * 2 : 0;
    Rect words = rect_make(bar.x + m->gap, bar.y, bar.w - 2 * m->gap - (bw ? bw + m->gap : 0), h);
    char line[JOURNAL_MESSAGE_MAX];
    journal_fit_line(&app->ui, undo ? "Entry deleted" : js->toast, words.w, m->text, line,
                     sizeof line);
    ui_text(&app->ui, line, words, m->text, app->theme.text, ALIGN_LEFT);
    if (undo) {
        UiStyle st = app_style_button(app);
        st.bg = color_mix(app->theme.surface, app->theme.accent, 0.35f);
        if (ui_button(&app->ui, "Undo", NULL, rect_make(bar.x + bar.w - bw, bar.y, bw, h), SHAPE_NONE,
                      &st, 0)) {
            const JournalHost *hst = &app->host.journal;
            int status = hst->event_undelete ? hst->event_undelete(app->host.ctx, js->undo_id) : 1;
            js->undo_id = 0;
            if (status == 0)
                toast(app, "The entry is back", TOAST_MS);
            else {
                char why[JOURNAL_MESSAGE_MAX];
                snprintf(why, sizeof why, "Not undone: %s", journal_store_words(status));
                toast(app, why, TOAST_MS * 2);
            }
            js->stale = 1;
        }
    }
    return h + m->gap;
}

/* The header's actions, or a row of their own below it on a narrow screen.
 * Returns the area left for the list. */
static Rect timeline_actions(App *app, int *new_entry, int *insights)
{
    const Metrics *m = &app->metrics;
    Rect pause = app_pause_rect(app);
    int left = m->margin + m->unit * 2 + m->unit / 4 + m->gap;
    int room = pause.x - m->gap - left;
    UiStyle go = app_style_button(app);
    go.bg = color_mix(app->theme.surface, app->theme.accent, 0.35f);
    UiStyle st = app_style_button(app);
    int need = ui_measure(&app->ui, "New entry", m->text) + ui_measure(&app->ui, "Insights", m->text) +
               4 * m->text * 2 + m->gap;
    Rect area;
    Rect a, b;
    if (room >= need) {
        area = app_header(app, NULL);
        int w = (room - m->gap) / 2;
        a = rect_make(left, m->margin, w, m->unit);
        b = rect_make(left + w + m->gap, m->margin, room - w - m->gap, m->unit);
    } else {
        area = app_header(app, "Journal");
        int w = (area.w - m->gap) / 2;
        a = rect_make(area.x, area.y, w, m->unit);
        b = rect_make(area.x + w + m->gap, area.y, area.w - w - m->gap, m->unit);
        area.y += m->unit + m->gap;
        area.h -= m->unit + m->gap;
    }
    *new_entry = ui_button(&app->ui, "New entry", NULL, a, SHAPE_STAR, &go, 0);
    *insights = ui_button(&app->ui, "Insights", NULL, b, SHAPE_NONE, &st, 0);
    return area;
}

static void draw_item(App *app, const JournalItem *it, Rect r)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    char text[1600], line[1600];
    int lh = line_h(app, m->text_small);
    if (it->kind != JOURNAL_ITEM_ENTRY) {
        Shape shape = it->kind == JOURNAL_ITEM_SESSION ? SHAPE_HEART : SHAPE_CIRCLE;
        Color c = it->kind == JOURNAL_ITEM_SESSION ? t->partner[1] : t->partner[0];
        int s = m->text_small;
        ui_shape(ui, shape, rect_make(r.x + m->gap / 2, r.y + (r.h - s) / 2, s, s), c, s / 8);
        if (it->kind == JOURNAL_ITEM_SESSION)
            session_words(it, text, sizeof text);
        else
            breathing_words(it, text, sizeof text);
        int x = r.x + s + m->gap;
        journal_fit_line(ui, text, r.x + r.w - x, m->text_small, line, sizeof line);
        ui_text(ui, line, rect_make(x, r.y + (r.h - lh) / 2, r.x + r.w - x, lh), m->text_small,
                t->text_dim, ALIGN_LEFT);
        return;
    }
    char label[UI_LABEL_MAX];
    CivilTime c = local_civil(it->time_ms, it->utc_offset_s);
    snprintf(label, sizeof label, "Entry %d %.3s %02d:%02d #%lld", c.day,
             month_names[(c.month + 11) % 12], c.hour, c.minute, (long long)it->id);
    Rect box = rect_make(r.x, r.y, r.w, r.h - m->gap / 2);
    UiStyle st = app_style_button(app);
    if (ui_button(ui, label, "", box, SHAPE_NONE, &st, 0))
        open_entry(app, it);
    int s = m->text_small;
    ui_shape(ui, SHAPE_STAR, rect_make(box.x + m->gap / 2, box.y + m->gap / 2 + (lh - s) / 2, s, s),
             t->accent, s / 8);
    int x, w;
    entry_text_box(app, box.w, &x, &w);
    entry_body(app, it, box.x + x, box.y + m->gap / 2, w, 1);
}

void screen_journal(App *app)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    JournalState *js = &app->journal;
    journal_load(app);

    if (js->timeline_visit != app->screen_since_mono) {
        /* Arriving: from Home at the top; back from an entry where we were. */
        js->timeline_visit = app->screen_since_mono;
        js->velocity = 0.0f;
        js->item_h_width = 0; /* names and words may have changed meanwhile */
        if (js->keep_place) {
            js->stale = 1;
        } else {
            js->scroll.offset = 0;
            reload_newest(app);
        }
        js->keep_place = 0;
    }
    if (js->stale)
        reload_here(app);

    int new_entry = 0, insights = 0;
    Rect area = timeline_actions(app, &new_entry, &insights);
    if (new_entry) {
        journal_new_entry(app, 0);
        return;
    }
    if (insights) {
        js->insights_valid = 0;
        js->insights_scroll.offset = 0;
        js->keep_place = 1;
        app_push(app, SCREEN_INSIGHTS);
        return;
    }

    int bar = toast_bar(app, area, 0);
    int arrows = m->unit + m->gap;
    UiScroll *sc = &js->scroll;
    sc->view = rect_make(area.x, area.y, area.w - arrows, area.h - bar);

    glide(app);
    window_follow(app);
    int tops[JOURNAL_WINDOW + 1];
    sc->content_h = timeline_layout(app, tops);

    if (js->item_count == 0) {
        const char *words =
            js->failed ? "The journal could not be read just now. Nothing is lost; try again in a moment."
                       : "Nothing here yet. Signal sessions, breathing and your entries will appear "
                         "here, newest first.";
        Rect r = rect_make(sc->view.x + sc->view.w / 10, sc->view.y, sc->view.w * 4 / 5, sc->view.h);
        int used = ui_text_wrap(ui, words, r, m->text, t->text_dim, ALIGN_CENTER, 0);
        r.y = sc->view.y + (sc->view.h - used) / 2;
        ui_text_wrap(ui, words, r, m->text, t->text_dim, ALIGN_CENTER, 1);
    }

    ui_scroll_begin(ui, sc);
    int base = sc->view.y;
    for (int i = 0; i < js->item_count; i++) {
        const JournalItem *it = &js->items[i];
        int y = base + tops[i];
        int bottom = base + tops[i + 1];
        /* Only what can be seen is declared: a full window stays cheap. */
        if (bottom < base + sc->offset - m->unit || y > base + sc->offset + sc->view.h + m->unit)
            continue;
        if (i == 0 || local_day(it->time_ms, it->utc_offset_s) !=
                          local_day(js->items[i - 1].time_ms, js->items[i - 1].utc_offset_s)) {
            char day[96];
            day_words(app, it, day, sizeof day);
            int hh = header_height(app);
            ui_text_fit(ui, day, rect_make(sc->view.x, y, sc->view.w, hh - m->gap / 2), m->text_small,
                        m->text_min, t->accent, ALIGN_LEFT);
            y += hh;
        }
        draw_item(app, it, rect_make(sc->view.x, y, sc->view.w, bottom - y));
    }
    ui_scroll_end(ui, sc);

    int max = sc->content_h - sc->view.h;
    journal_scroll_arrows(app, sc, rect_make(area.x + area.w - m->unit, area.y, m->unit, area.h - bar),
                          sc->offset > 0 || !js->at_newest, sc->offset < max || !js->at_oldest);
    toast_bar(app, area, 1);
}

/* ---- the entry screen ---- */

static int heading(App *app, const char *text, Rect r, int draw)
{
    const Metrics *m = &app->metrics;
    return ui_text_wrap(&app->ui, text, r, m->text_small, app->theme.text_dim, ALIGN_LEFT, draw) +
           m->gap / 4;
}

typedef struct {
    const char *name;
    const char *scale;
    int lo, hi;
    int *value;
} Rating;

static int rating_section(App *app, const Rating *rt, Rect r, int draw)
{
    const Metrics *m = &app->metrics;
    char title[160];
    snprintf(title, sizeof title, "%s · %s", rt->name, rt->scale);
    int h = heading(app, title, rect_make(r.x, r.y, r.w, r.h), draw);
    JournalButton b[11];
    char labels[11][32], texts[11][8];
    int n = rt->hi - rt->lo + 1;
    for (int i = 0; i < n; i++) {
        snprintf(labels[i], sizeof labels[i], "%s %d", rt->name, rt->lo + i);
        snprintf(texts[i], sizeof texts[i], "%d", rt->lo + i);
        b[i].label = labels[i];
        b[i].text = texts[i];
        b[i].selected = *rt->value == rt->lo + i;
        b[i].disabled = 0;
    }
    UiStyle st = app_style_button(app);
    int tapped = -1;
    Rect steps = rect_make(r.x, r.y + h, r.w, 0);
    int used = draw ? journal_button_flow(app, steps, b, n, &tapped, &st, 1)
                    : journal_button_flow_height(app, r.w, b, n, &st, 1);
    if (tapped >= 0) {
        int v = rt->lo + tapped;
        *rt->value = *rt->value == v ? EVENT_UNSET : v; /* a second tap clears it */
    }
    return h + used + m->gap;
}

static int chips_section(App *app, WordsList list, const char *title, const char *prefix,
                         char *joined, size_t size, Rect r, int draw)
{
    const Metrics *m = &app->metrics;
    JournalState *js = &app->journal;
    int h = heading(app, title, r, draw);
    JournalButton b[WORDS_MAX];
    char labels[WORDS_MAX][UI_LABEL_MAX];
    int index[WORDS_MAX];
    int n = 0;
    for (int i = 0; i < js->words.count[list]; i++) {
        const JournalWord *w = &js->words.words[list][i];
        int on = chips_has(joined, w->id);
        if (w->hidden && !on)
            continue;
        snprintf(labels[n], sizeof labels[n], "%s / %s", prefix, w->label);
        b[n].label = labels[n];
        b[n].text = w->label;
        b[n].selected = on;
        b[n].disabled = 0;
        index[n] = i;
        n++;
    }
    UiStyle st = app_style_button(app);
    st.text_px = m->text_small;
    int tapped = -1;
    Rect chips = rect_make(r.x, r.y + h, r.w, 0);
    int used = draw ? journal_button_flow(app, chips, b, n, &tapped, &st, 0)
                    : journal_button_flow_height(app, r.w, b, n, &st, 0);
    if (tapped >= 0)
        chips_toggle(joined, size, js->words.words[list][index[tapped]].id, js->words.words[list],
                     js->words.count[list]);
    return h + used + m->gap;
}

static int who_section(App *app, Rect r, int draw)
{
    const Metrics *m = &app->metrics;
    JournalState *js = &app->journal;
    int h = heading(app, "Who is writing", r, draw);
    char labels[3][UI_LABEL_MAX];
    JournalButton b[3];
    static const int partners[3] = {1, 2, 3};
    for (int i = 0; i < 3; i++) {
        snprintf(labels[i], sizeof labels[i], "Who / %s", who_words(app, partners[i]));
        b[i].label = labels[i];
        b[i].text = who_words(app, partners[i]);
        b[i].selected = js->draft.partner == partners[i];
        b[i].disabled = 0;
    }
    UiStyle st = app_style_button(app);
    st.text_px = m->text_small;
    int tapped = -1;
    Rect row = rect_make(r.x, r.y + h, r.w, 0);
    int used = draw ? journal_button_flow(app, row, b, 3, &tapped, &st, 1)
                    : journal_button_flow_height(app, r.w, b, 3, &st, 1);
    if (tapped >= 0)
        js->draft.partner = partners[tapped];
    return h + used + m->gap;
}

/* The note as a button: what is written so far, or an invitation. */
static int note_section(App *app, Rect r, int draw)
{
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    JournalState *js = &app->journal;
    int h = heading(app, "Note", r, draw);
    int lh = line_h(app, m->text_small);
    int box_h = 3 * lh + m->gap;
    if (box_h < m->unit)
        box_h = m->unit;
    if (draw) {
        Rect box = rect_make(r.x, r.y + h, r.w, box_h);
        UiStyle st = app_style_button(app);
        if (ui_button(&app->ui, "Note", "", box, SHAPE_NONE, &st, 0)) {
            keyboard_init(&js->kb, js->draft.note, JOURNAL_NOTE_CHARS);
            js->note_open = 1;
        }
        Rect inner = rect_inset(box, m->gap / 2);
        if (!js->draft.note[0]) {
            ui_text(&app->ui, "Tap to write a note", rect_make(inner.x, inner.y, inner.w, lh),
                    m->text_small, t->text_dim, ALIGN_LEFT);
        } else {
            /* Up to three lines; a longer note ends with "…". */
            note_lines(app, js->draft.note, inner, 3, t->text, 1);
        }
    }
    return h + box_h + m->gap;
}

static int session_line(App *app, Rect r, int draw)
{
    JournalState *js = &app->journal;
    if (!js->draft.session || js->draft_session.kind != JOURNAL_ITEM_SESSION ||
        js->draft_session.id != js->draft.session)
        return 0;
    char words[128], text[160];
    CivilTime c = local_civil(js->draft_session.time_ms, js->draft_session.utc_offset_s);
    snprintf(text, sizeof text, "About the session of %d %s at %02d:%02d", c.day,
             month_names[(c.month + 11) % 12], c.hour, c.minute);
    int h = heading(app, text, r, draw);
    session_figures(&js->draft_session, words, sizeof words);
    r.y += h;
    h += heading(app, words, r, draw);
    return h + app->metrics.gap / 2;
}

/* Lays the form out (draw 0 measures); returns the content height. */
static int entry_form(App *app, Rect view, int draw)
{
    JournalState *js = &app->journal;
    LogEvent *d = &js->draft;
    Rect r = rect_make(view.x, view.y, view.w, 1 << 20);
    int y = view.y;
    r.y = y;
    y += session_line(app, r, draw);
    r.y = y;
    y += heading(app, "Everything is optional. Tap a chosen step again to clear it.", r, draw) +
         app->metrics.gap / 2;
    r.y = y;
    y += who_section(app, r, draw);
    r.y = y;
    y += chips_section(app, WORDS_TRIED, "What we tried", "Tried", d->tried, sizeof d->tried, r, draw);
    Rating ratings[4] = {
        {"Closeness", "1 distant, 5 very close", 1, 5, &d->closeness},
        {"Comfort", "1 uncomfortable, 5 very comfortable", 1, 5, &d->comfort},
        {"Pain", "0 none, 10 the worst", 0, 10, &d->pain},
        {"Tiredness", "0 rested, 10 exhausted", 0, 10, &d->tiredness},
    };
    for (int i = 0; i < 4; i++) {
        r.y = y;
        y += rating_section(app, &ratings[i], r, draw);
    }
    r.y = y;
    y += chips_section(app, WORDS_HELPED, "What helped", "Helped", d->helped, sizeof d->helped, r,
                       draw);
    r.y = y;
    y += chips_section(app, WORDS_NEXT, "Next time", "Next time", d->next, sizeof d->next, r, draw);
    r.y = y;
    y += note_section(app, r, draw);
    if (d->id) {
        const Metrics *m = &app->metrics;
        int w = m->unit * 4 < view.w ? m->unit * 4 : view.w;
        if (draw) {
            UiStyle st = app_style_quiet(app);
            st.text_px = m->text_small;
            if (ui_button(&app->ui, "Delete entry", NULL, rect_make(view.x, y, w, m->unit),
                          SHAPE_NONE, &st, 0)) {
                const JournalHost *h = &app->host.journal;
                int status = h->event_delete
                                 ? h->event_delete(app->host.ctx, d->id, app->time.wall_ms)
                                 : 1;
                if (status == 0) {
                    js->undo_id = d->id;
                    js->undo_until = app->time.mono_ms + UNDO_MS;
                    js->toast_until = 0;
                    js->stale = 1;
                    js->keep_place = 1;
                    app_pop(app);
                } else {
                    snprintf(js->form_error, sizeof js->form_error, "Not deleted: %s.",
                             journal_store_words(status));
                }
            }
        }
        y += m->unit + m->gap;
    }
    return y - view.y;
}

static void entry_save(App *app)
{
    JournalState *js = &app->journal;
    const JournalHost *h = &app->host.journal;
    LogEvent ev = js->draft;
    ev.kind = EVENT_ENTRY;
    int is_new = ev.id == 0;
    if (is_new) {
        ev.time_ms = app->time.wall_ms;
        ev.utc_offset_s = app->time.utc_offset_s;
    }
    snprintf(ev.name, sizeof ev.name, "entry");
    snprintf(ev.label, sizeof ev.label, "Journal entry");
    snprintf(ev.partner_name, sizeof ev.partner_name, "%s", app_partner_name(app, ev.partner));
    int status = h->entry_save ? h->entry_save(app->host.ctx, &ev) : 1;
    if (status != 0) {
        /* Everything stays on screen, and is tried again about once a second
         * while it is left as it is (durable.c); Save again retries too. */
        durable_entry_refused(app, &js->draft);
        snprintf(js->form_error, sizeof js->form_error,
                 "Not saved — %s. Your entry is still here, and is saved as soon as it can be.",
                 journal_store_words(status));
        return;
    }
    durable_entry_clear(app);
    js->draft = ev;
    js->form_error[0] = '\0';
    toast(app, "Saved", TOAST_MS);
    js->stale = 1;
    js->undo_id = 0;
    if (is_new)
        js->scroll.offset = 0;
    js->keep_place = !is_new;
    if (app_screen_below(app) == SCREEN_JOURNAL) {
        app_pop(app);
    } else {
        app->stack[app->depth - 1] = SCREEN_JOURNAL;
        app->screen_since_mono = app->time.mono_ms;
    }
    if (is_new)
        js->keep_place = 0;
}

void screen_entry(App *app)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    JournalState *js = &app->journal;
    journal_load(app);

    if (js->note_open) {
        if (journal_editor(app, "Note", &js->kb)) {
            utf8_copy(js->draft.note, sizeof js->draft.note, js->kb.text);
            js->note_open = 0;
        }
        return;
    }
    if (durable_entry_due(app, &js->draft)) {
        entry_save(app); /* refused before: the storage may have room again */
        if (app_screen(app) != SCREEN_ENTRY) {
            app->ui.fired = 1; /* one more pass draws the timeline, "Saved" */
            return;
        }
    }

    Rect area = app_header(app, js->draft.id ? "Edit entry" : "New entry");
    int bar_h = m->unit;
    int error_h = 0;
    if (js->form_error[0]) {
        error_h = ui_text_wrap(ui, js->form_error, rect_make(0, 0, area.w, 1 << 20), m->text_small,
                               t->danger_free_warn, ALIGN_LEFT, 0) +
                  m->gap / 2;
        if (error_h > area.h / 3)
            error_h = area.h / 3;
    }
    int arrows = m->unit + m->gap;
    UiScroll *sc = &js->form_scroll;
    sc->view = rect_make(area.x, area.y, area.w - arrows, area.h - bar_h - m->gap - error_h);
    sc->content_h = entry_form(app, sc->view, 0) + m->gap;
    ui_scroll_begin(ui, sc);
    entry_form(app, sc->view, 1);
    ui_scroll_end(ui, sc);
    if (app_screen(app) != SCREEN_ENTRY)
        return; /* deleted */
    journal_scroll_arrows(app, sc, rect_make(area.x + area.w - m->unit, area.y, m->unit, sc->view.h),
                          sc->offset > 0, sc->offset < sc->content_h - sc->view.h);

    if (error_h) {
        Rect er = rect_make(area.x, sc->view.y + sc->view.h + m->gap / 2, area.w, error_h - m->gap / 2);
        ui_text_box(ui, js->form_error, er, m->text_small, m->text_min, t->danger_free_warn,
                    ALIGN_CENTER);
    }
    int y = area.y + area.h - bar_h;
    int w = (area.w - m->gap) / 2;
    UiStyle quiet = app_style_quiet(app);
    if (ui_button(ui, "Cancel", NULL, rect_make(area.x, y, w, bar_h), SHAPE_NONE, &quiet, 0)) {
        js->keep_place = 1;
        js->form_error[0] = '\0';
        durable_entry_clear(app);
        app_pop(app);
        return;
    }
    UiStyle go = app_style_button(app);
    go.bg = t->accent;
    go.fg = t->bg;
    go.accent = t->bg;
    if (ui_button(ui, "Save", NULL, rect_make(area.x + w + m->gap, y, area.w - w - m->gap, bar_h),
                  SHAPE_CHECK, &go, 0))
        entry_save(app);
}

/* ---- keys ---- */

static int editor_key(Keyboard *kb, const AppInput *in, int *done, int *cancel)
{
    if (in->kind == APP_INPUT_TEXT) {
        keyboard_insert(kb, in->text);
        return 1;
    }
    switch (in->key) {
    case KEY_BACKSPACE:
        keyboard_backspace(kb);
        return 1;
    case KEY_RETURN:
        *done = 1;
        return 1;
    case KEY_ESCAPE:
        *cancel = 1;
        return 1;
    default:
        return 0;
    }
}

int journal_handle_key(App *app, const AppInput *in)
{
    JournalState *js = &app->journal;
    ScreenId s = app_screen(app);
    if (s == SCREEN_LOCKED)
        return pin_handle_key(app, in);
    if (s == SCREEN_JOURNAL_WORDS)
        return words_handle_key(app, in);
    if (s == SCREEN_ENTRY && js->note_open) {
        int done = 0, cancel = 0;
        int used = editor_key(&js->kb, in, &done, &cancel);
        if (done)
            utf8_copy(js->draft.note, sizeof js->draft.note, js->kb.text);
        if (done || cancel)
            js->note_open = 0;
        return used;
    }
    return 0;
}

int journal_editor_key(Keyboard *kb, const AppInput *in, int *done, int *cancel)
{
    return editor_key(kb, in, done, cancel);
}
