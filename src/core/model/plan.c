/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The plan: programme files read into stages, and the couple's place on their
 * ladder, which moves on only when both are ready and back with one tap. */
#include "lull/plan.h"

#include "lull/ini_text.h"
#include "lull/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const programme_names[PROGRAMME_COUNT] = {"gentle", "sensate_focus", "cardiac",
                                                             "own"};

const char *programme_id_name(ProgrammeId id)
{
    return id >= 0 && id < PROGRAMME_COUNT ? programme_names[id] : "";
}

int programme_id_parse(const char *name)
{
    for (int i = 0; name && i < PROGRAMME_COUNT; i++)
        if (strcmp(name, programme_names[i]) == 0)
            return i;
    return -1;
}

typedef struct {
    Programme *p;
    int stage; /* the [stage N] being read, 0-based; -1 outside one */
    int highest;
    int broken; /* a stage out of order: its keys are skipped */
} ProgrammeRead;

/* Copies value into out (size bytes), or says why it cannot. The same key
 * again (a text too long for one line, which inih cuts at 199 characters)
 * goes on after a space. */
static int take_text(IniRead *read, const char *section, const char *name, const char *value,
                     char *out, size_t size, int max_chars)
{
    char joined[INI_VALUE_MAX * 2];
    snprintf(joined, sizeof joined, "%s%s%s", out, out[0] ? " " : "", value);
    if (strlen(joined) >= size || (max_chars > 0 && utf8_length(joined) > max_chars)) {
        ini_report_key(read, section, name, "too long; left out");
        return -1;
    }
    utf8_copy(out, size, joined);
    return 0;
}

static int take_int(IniRead *read, const char *section, const char *name, const char *value, int lo,
                    int hi, int *out)
{
    char *end = NULL;
    long v = strtol(value, &end, 10);
    if (!*value || *end || v < lo || v > hi) {
        char what[96], quoted[48];
        ini_quote(value, quoted, sizeof quoted);
        snprintf(what, sizeof what, "%s is not a whole number from %d to %d", quoted, lo, hi);
        ini_report_key(read, section, name, what);
        return -1;
    }
    *out = (int)v;
    return 0;
}

/* "pain, stop" (or "none"): which signals an evening must be without. */
static int take_without(IniRead *read, const char *section, const char *name, const char *value,
                        int *out)
{
    if (ini_equal_nocase(value, "none") || !*value) {
        *out = 0;
        return 0;
    }
    int any = 0;
    for (const char *p = value; *p;) {
        p += strspn(p, ", ");
        size_t n = strcspn(p, ", ");
        if (n == 0)
            break;
        char word[16] = "";
        if (n < sizeof word)
            memcpy(word, p, n);
        if (!ini_equal_nocase(word, "pain") && !ini_equal_nocase(word, "stop")) {
            ini_report_key(read, section, name, "lists signals other than pain and stop");
            return -1;
        }
        any = 1;
        p += n;
    }
    *out = any;
    return 0;
}

static void on_stage_key(IniRead *read, ProgrammeRead *pr, const char *section, const char *name,
                         const char *value)
{
    PlanStage *s = &pr->p->stage[pr->stage];
    if (strcmp(name, "name") == 0)
        take_text(read, section, name, value, s->name, sizeof s->name, PLAN_NAME_CHARS);
    else if (strcmp(name, "description") == 0)
        take_text(read, section, name, value, s->description, sizeof s->description, 0);
    else if (strcmp(name, "in") == 0)
        take_text(read, section, name, value, s->in, sizeof s->in, 0);
    else if (strcmp(name, "not_yet") == 0)
        take_text(read, section, name, value, s->not_yet, sizeof s->not_yet, 0);
    else if (strcmp(name, "practice") == 0)
        take_text(read, section, name, value, s->practice, sizeof s->practice, 0);
    else if (strcmp(name, "caution") == 0)
        take_text(read, section, name, value, s->caution, sizeof s->caution, 0);
    else if (strcmp(name, "suggest_sessions") == 0)
        take_int(read, section, name, value, 0, 20, &s->rule.sessions);
    else if (strcmp(name, "suggest_comfort") == 0)
        take_int(read, section, name, value, 0, 5, &s->rule.min_comfort);
    else if (strcmp(name, "suggest_without") == 0)
        take_without(read, section, name, value, &s->rule.without_pain_stop);
    else
        ini_report_key(read, section, name, "is not a stage's key; left out");
}

/* "stage 3" -> 2; -1 when the section is not a stage. */
static int stage_number(const char *section)
{
    if (strncmp(section, "stage ", 6) != 0 || section[6] < '1' || section[6] > '9')
        return -1;
    char *end = NULL;
    long n = strtol(section + 6, &end, 10);
    return *end || n > 999 ? -1 : (int)n - 1;
}

static void on_programme_key(IniRead *read, void *user, const char *section, const char *name,
                             const char *value)
{
    ProgrammeRead *pr = user;
    Programme *p = pr->p;
    if (strcmp(section, "programme") == 0) {
        if (strcmp(name, "id") == 0)
            take_text(read, section, name, value, p->id, sizeof p->id, 0);
        else if (strcmp(name, "name") == 0)
            take_text(read, section, name, value, p->name, sizeof p->name, PLAN_NAME_CHARS);
        else if (strcmp(name, "summary") == 0)
            take_text(read, section, name, value, p->summary, sizeof p->summary, 0);
        else
            ini_report_key(read, section, name, "is not a programme's key; left out");
        return;
    }
    if (strcmp(section, "questions") == 0) {
        if (p->question_count >= PLAN_QUESTIONS_MAX) {
            ini_report_key(read, section, name, "one question too many; left out");
            return;
        }
        if (take_text(read, section, name, value, p->question[p->question_count],
                      sizeof p->question[0], 0) == 0)
            p->question_count++;
        return;
    }
    int n = stage_number(section);
    if (n < 0) {
        char printable[64], what[128];
        ini_printable(section, printable, sizeof printable);
        snprintf(what, sizeof what, "[%s] is not a section of a programme; left out", printable);
        ini_report(read, what);
        return;
    }
    if (n != pr->stage) {
        /* A new stage: the next in order, or nothing of it is read. */
        pr->broken = n != pr->highest + 1 || n >= PLAN_STAGES_MAX;
        pr->stage = n;
        if (pr->broken) {
            char what[128];
            snprintf(what, sizeof what,
                     n >= PLAN_STAGES_MAX ? "a programme has at most %d stages; left out"
                                          : "stages are numbered in order from 1; left out",
                     PLAN_STAGES_MAX);
            ini_report(read, what);
        } else {
            pr->highest = n;
            p->stage_count = n + 1;
        }
    }
    if (!pr->broken)
        on_stage_key(read, pr, section, name, value);
}

int programme_read(Programme *p, const char *text, const char *filename, char *messages,
                   size_t messages_size)
{
    memset(p, 0, sizeof *p);
    ProgrammeRead pr = {p, -1, -1, 0};
    int problems = ini_read(text, filename, on_programme_key, &pr, messages, messages_size);
    int usable = p->id[0] && p->name[0];
    for (int i = 0; i < p->stage_count; i++)
        usable = usable && p->stage[i].name[0];
    if (!usable) {
        size_t used = messages ? strlen(messages) : 0;
        if (messages && used + 1 < messages_size)
            snprintf(messages + used, messages_size - used,
                     "%s: not a programme Lull can use: it needs an id, a name and a name for "
                     "every stage\n",
                     filename ? filename : "programme");
        memset(p, 0, sizeof *p);
        return -1;
    }
    return problems;
}

int plan_list_items(const char *list, char items[][PLAN_NAME_MAX], int max)
{
    int count = 0;
    const char *p = list ? list : "";
    while (*p && count < max) {
        size_t n = strcspn(p, ";");
        char item[PLAN_TEXT_MAX];
        size_t keep = n < sizeof item - 1 ? n : sizeof item - 1;
        memcpy(item, p, keep);
        item[keep] = '\0';
        if (ini_trim(items[count], PLAN_NAME_MAX, item) != 0) {
            /* too long for an item: cut on a character's boundary */
            char trimmed[PLAN_TEXT_MAX];
            ini_trim(trimmed, sizeof trimmed, item);
            utf8_copy(items[count], PLAN_NAME_MAX, trimmed);
        }
        if (items[count][0])
            count++;
        p += n;
        if (*p == ';')
            p++;
    }
    return count;
}

void plan_progress_init(PlanProgress *progress)
{
    memset(progress, 0, sizeof *progress);
}

static void clear_ready(PlanProgress *progress)
{
    for (int i = 0; i < PARTNER_PEOPLE; i++)
        progress->ready[i] = 0;
}

int plan_next_held(const PlanProgress *progress, int stage_count, int32_t today)
{
    int next = progress->current + 1;
    return next < stage_count && next < PLAN_STAGES_MAX && progress->not_before_day[next] > 0 &&
           progress->not_before_day[next] > today;
}

PlanStep plan_ready(PlanProgress *progress, int stage_count, int partner, int32_t today)
{
    if (stage_count <= 0)
        return PLAN_NO_STAGES;
    if (partner < 0 || partner >= PARTNER_PEOPLE)
        return PLAN_WITHDRAWN;
    if (progress->ready[partner]) {
        progress->ready[partner] = 0;
        return PLAN_WITHDRAWN;
    }
    progress->ready[partner] = 1;
    for (int i = 0; i < PARTNER_PEOPLE; i++)
        if (!progress->ready[i])
            return PLAN_READY;
    if (progress->current + 1 >= stage_count)
        return PLAN_LAST;
    if (plan_next_held(progress, stage_count, today))
        return PLAN_HELD;
    progress->current++;
    clear_ready(progress);
    return PLAN_NEXT;
}

PlanStep plan_step_back(PlanProgress *progress, int stage_count)
{
    clear_ready(progress);
    if (stage_count <= 0)
        return PLAN_NO_STAGES;
    if (progress->current <= 0) {
        progress->current = 0;
        return PLAN_AT_FIRST;
    }
    progress->current--;
    return PLAN_BACK;
}

void plan_stages_changed(PlanProgress *progress, int stage_count)
{
    clear_ready(progress);
    if (progress->current >= stage_count)
        progress->current = stage_count > 0 ? stage_count - 1 : 0;
    if (progress->current < 0)
        progress->current = 0;
}

int plan_rule_met(const PlanRule *rule, const PlanEvening *evenings, int count)
{
    if (!rule || rule->sessions <= 0 || count < rule->sessions)
        return 0;
    for (int i = count - rule->sessions; i < count; i++) {
        if (rule->min_comfort > 0 && evenings[i].comfort < rule->min_comfort)
            return 0;
        if (rule->without_pain_stop && evenings[i].pain_or_stop)
            return 0;
    }
    return 1;
}

static const char *count_word(int n)
{
    static const char *const words[] = {"No",    "One",   "Two",  "Three", "Four",   "Five",  "Six",
                                        "Seven", "Eight", "Nine", "Ten",   "Eleven", "Twelve"};
    return n >= 0 && n <= 12 ? words[n] : NULL;
}

void plan_suggestion(const PlanRule *rule, const PlanEvening *evenings, int count, char *out,
                     size_t out_size)
{
    if (!out || out_size == 0)
        return;
    out[0] = '\0';
    if (!plan_rule_met(rule, evenings, count))
        return;
    char number[16];
    const char *word = count_word(rule->sessions);
    if (word)
        snprintf(number, sizeof number, "%s", word);
    else
        snprintf(number, sizeof number, "%d", rule->sessions);
    const char *evening = rule->sessions == 1 ? "evening" : "evenings";
    const char *felt = rule->min_comfort > 0 ? " felt comfortable" : " went by";
    const char *without = rule->without_pain_stop ? ", with no pain or stop signal" : "";
    snprintf(out, out_size, "%s %s at this stage%s%s. You might talk about the next step.", number,
             evening, felt, without);
}

void plan_doc_start(PlanDoc *doc, const Programme *p, int64_t now_ms)
{
    memset(doc, 0, sizeof *doc);
    doc->chosen = 1;
    doc->ladder = *p;
    doc->chosen_ms = now_ms;
    doc->stage_since_ms = now_ms;
    plan_progress_init(&doc->progress);
}

static const char *const plan_event_names[PLAN_EVENT_COUNT] = {
    [PLAN_EVENT_CHOSEN] = "programme",
    [PLAN_EVENT_READY] = "stage_ready",
    [PLAN_EVENT_NOT_READY] = "stage_not_ready",
    [PLAN_EVENT_NEXT] = "stage_next",
    [PLAN_EVENT_BACK] = "stage_back",
    [PLAN_EVENT_AGREEMENT] = "agreement",
    [PLAN_EVENT_AGREED] = "agreed",
    [PLAN_EVENT_MOMENT] = "moment",
    [PLAN_EVENT_VISION] = "vision",
    [PLAN_EVENT_PRACTICE_DONE] = "practice_done",
    [PLAN_EVENT_QUESTION] = "question",
    [PLAN_EVENT_ANSWERED] = "answered",
    [PLAN_EVENT_STAGES] = "stages",
    [PLAN_EVENT_CLINICIAN] = "clinician",
};

const char *plan_event_name(PlanEventId id)
{
    return id >= 0 && id < PLAN_EVENT_COUNT ? plan_event_names[id] : "";
}

int agreements_agreed(const Agreements *a)
{
    return a->version > 0 && a->agreed_ms[0] > 0 && a->agreed_ms[1] > 0;
}

int agreements_same_words(const Agreements *a, const Agreements *b)
{
    int same = strcmp(a->in, b->in) == 0 && strcmp(a->not_yet, b->not_yet) == 0 &&
               strcmp(a->safe_word, b->safe_word) == 0 &&
               strcmp(a->without_words, b->without_words) == 0;
    for (int i = 0; same && i < PARTNER_PEOPLE; i++)
        same = strcmp(a->likes[i], b->likes[i]) == 0 &&
               strcmp(a->not_there[i], b->not_there[i]) == 0 &&
               strcmp(a->after[i], b->after[i]) == 0;
    return same;
}
