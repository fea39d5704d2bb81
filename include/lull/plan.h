/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The plan: a staged path back to closeness that moves only when both are
 * ready (DESIGN.md, "Plan"). Programmes as data (the files of assets/plans/,
 * read by programme_read), and the couple's place on their ladder: who is
 * ready, the clinician's word that holds a step, and the suggestion their own
 * log may make. Pure C11: time comes in as local days (calendar_local_day). */
#ifndef LULL_PLAN_H
#define LULL_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "lull/event.h"

enum {
    PLAN_STAGES_MAX = 12,
    PLAN_QUESTIONS_MAX = 8,
    PLAN_ID_MAX = 24,
    PLAN_NAME_MAX = 64,   /* bytes of a stage's or a programme's name */
    PLAN_TEXT_MAX = 480,  /* bytes of a description, a list, a practice, a caution */
    PLAN_NAME_CHARS = 40, /* characters a name may have, as typed on the device */
};

/* The programmes Lull ships, by stable id (DESIGN.md). */
typedef enum {
    PROGRAMME_GENTLE,
    PROGRAMME_SENSATE_FOCUS,
    PROGRAMME_CARDIAC,
    PROGRAMME_OWN,
    PROGRAMME_COUNT
} ProgrammeId;

/* When the couple's own log may suggest the next step: sessions evenings at
 * the stage, each at least min_comfort comfortable (1-5; 0: not asked), and,
 * with without_pain_stop, none with a Pain or Stop signal. sessions 0: never. */
typedef struct {
    int sessions;
    int min_comfort;
    int without_pain_stop;
} PlanRule;

typedef struct {
    char name[PLAN_NAME_MAX];
    char description[PLAN_TEXT_MAX];
    char in[PLAN_TEXT_MAX];      /* what's in: items joined with "; " */
    char not_yet[PLAN_TEXT_MAX]; /* what's not yet, the same way */
    char practice[PLAN_TEXT_MAX];
    char caution[PLAN_TEXT_MAX]; /* a general caution naming its source; "" for none */
    PlanRule rule;
} PlanStage;

typedef struct {
    char id[PLAN_ID_MAX]; /* "gentle", "sensate_focus", "cardiac", "own" */
    char name[PLAN_NAME_MAX];
    char summary[PLAN_TEXT_MAX]; /* one line, for the choice */
    PlanStage stage[PLAN_STAGES_MAX];
    int stage_count;
    char question[PLAN_QUESTIONS_MAX][PLAN_TEXT_MAX]; /* suggested for the clinician */
    int question_count;
} Programme;

/* A shipped programme's stable id, and back (-1 when unknown). */
const char *programme_id_name(ProgrammeId id);
int programme_id_parse(const char *name);

/* Reads a programme file (its format is described at the top of each file of
 * assets/plans/):
 *   [programme] id, name, summary
 *   [stage N]   name, description, in, not_yet, practice, caution,
 *               suggest_sessions, suggest_comfort, suggest_without = pain, stop
 *   [questions] 1 = ..., 2 = ...
 * Stages come in order, numbered from 1, at most PLAN_STAGES_MAX. A line that
 * cannot be used is skipped with a "FILE:LINE: ..." line in messages
 * (lull/ini_text.h); the rest is kept. Returns the number of problems; -1 (and
 * an empty programme) when what is left is not a programme: no id or name, or a
 * stage without a name. */
int programme_read(Programme *p, const char *text, const char *filename, char *messages,
                   size_t messages_size);

/* Splits a "; " list into its items, trimmed, empty ones left out, in order: at
 * most max of them, each cut on a character's boundary to fit. Returns the count. */
int plan_list_items(const char *list, char items[][PLAN_NAME_MAX], int max);

/* Where the couple are: the stage they are at (0-based), each partner's "ready
 * for the next step", and for each stage the clinician's word. Days are local
 * day numbers (calendar_day_number); 0 is no date. */
typedef struct {
    int current;
    int ready[PARTNER_PEOPLE];
    int32_t not_before_day[PLAN_STAGES_MAX];   /* the next step into this stage waits until then */
    int32_t cleared_from_day[PLAN_STAGES_MAX]; /* cleared by the clinician from then */
} PlanProgress;

typedef enum {
    PLAN_READY,     /* this partner is ready; the other not yet */
    PLAN_WITHDRAWN, /* a second tap took it back */
    PLAN_NEXT,      /* both ready: the next stage has begun, readiness cleared */
    PLAN_HELD,      /* both ready, but the next stage's "not before" is still ahead */
    PLAN_LAST,      /* already at the last stage: nothing to move to */
    PLAN_BACK,      /* stepped back one stage, readiness cleared */
    PLAN_AT_FIRST,  /* already at the first stage; readiness cleared all the same */
    PLAN_NO_STAGES, /* an empty ladder */
} PlanStep;

/* A fresh start at the first stage, nobody ready, no dates. */
void plan_progress_init(PlanProgress *progress);
/* partner (0 or 1) taps "Ready for the next step" on day today: marks it, or
 * takes it back when it was marked; when both are then ready the next stage
 * begins, unless its "not before" day is after today (the readiness stays:
 * the step waits for the date, and the screen says why). */
PlanStep plan_ready(PlanProgress *progress, int stage_count, int partner, int32_t today);
/* Either partner steps back, one tap, no reason asked: the stage before
 * (none before the first), everybody's readiness cleared. */
PlanStep plan_step_back(PlanProgress *progress, int stage_count);
/* The stages changed under the couple (one added, removed or moved): the
 * current stage is kept in range and readiness is cleared, since what they
 * were ready for is no longer what it was. */
void plan_stages_changed(PlanProgress *progress, int stage_count);
/* Whether the next step is held by a "not before" day after today. */
int plan_next_held(const PlanProgress *progress, int stage_count, int32_t today);

/* One evening at the current stage, from the couple's own log: the journal
 * entry's comfort (1-5; 0 when none was written) and whether Pain or Stop was
 * signalled. */
typedef struct {
    int comfort;
    int pain_or_stop;
} PlanEvening;

/* Whether the last rule.sessions evenings (oldest first in evenings) all meet
 * the rule: enough of them, comfortable enough, without Pain or Stop. */
int plan_rule_met(const PlanRule *rule, const PlanEvening *evenings, int count);
/* The plain sentence the ladder shows when the rule is met ("Three evenings
 * at this stage felt comfortable, with no pain signal. You might talk about
 * the next step."); "" when it is not. */
void plan_suggestion(const PlanRule *rule, const PlanEvening *evenings, int count, char *out,
                     size_t out_size);

/* The couple's plan as the journal keeps it: their copy of the programme they
 * chose (ladder.id says which), the clinician's note on each stage, their place
 * on it, and their vision. */
enum { PLAN_VISION_MAX = 1024 };

typedef struct {
    int chosen; /* 0: no programme chosen yet (the rest is empty) */
    Programme ladder;
    char clinician_note[PLAN_STAGES_MAX][PLAN_TEXT_MAX];
    PlanProgress progress;
    int64_t chosen_ms;
    int64_t stage_since_ms; /* when the current stage began (the suggestion counts from then) */
    char vision[PLAN_VISION_MAX];
    int64_t vision_ms; /* when the vision was last written; 0: never */
} PlanDoc;

/* Starts a plan from programme p, chosen at now_ms: the first stage, nobody
 * ready, no clinician's word. */
void plan_doc_start(PlanDoc *doc, const Programme *p, int64_t now_ms);

/* The plan events' stable ids (DESIGN.md), as logged and exported. */
typedef enum {
    PLAN_EVENT_CHOSEN, /* "programme": a programme was chosen (label: its name) */
    PLAN_EVENT_READY,
    PLAN_EVENT_NOT_READY,
    PLAN_EVENT_NEXT,
    PLAN_EVENT_BACK,
    PLAN_EVENT_AGREEMENT,
    PLAN_EVENT_AGREED,
    PLAN_EVENT_MOMENT,
    PLAN_EVENT_VISION,
    PLAN_EVENT_PRACTICE_DONE,
    PLAN_EVENT_QUESTION,
    PLAN_EVENT_ANSWERED,
    PLAN_EVENT_STAGES,    /* "stages": the couple changed their ladder */
    PLAN_EVENT_CLINICIAN, /* "clinician": the clinician's word on a stage was set */
    PLAN_EVENT_COUNT
} PlanEventId;
const char *plan_event_name(PlanEventId id);

/* The agreements (DESIGN.md, "Agreements"): one version, with each partner's
 * confirmation. A change makes a new version, which needs both again. */
typedef struct {
    int64_t version; /* 1, 2, ...; 0: not saved yet */
    int64_t made_ms;
    int32_t utc_offset_s;
    char in[PLAN_TEXT_MAX];
    char not_yet[PLAN_TEXT_MAX];
    char likes[PARTNER_PEOPLE][PLAN_TEXT_MAX];     /* how each likes to be touched */
    char not_there[PARTNER_PEOPLE][PLAN_TEXT_MAX]; /* and where not */
    char safe_word[PLAN_NAME_MAX];
    char without_words[PLAN_TEXT_MAX];         /* the signals without words they agreed on */
    char after[PARTNER_PEOPLE][PLAN_TEXT_MAX]; /* what each needs afterwards */
    int64_t agreed_ms[PARTNER_PEOPLE];         /* 0: not yet */
} Agreements;

/* Whether both partners have agreed to this version. */
int agreements_agreed(const Agreements *a);
/* Whether a and b say the same (their versions and confirmations aside). */
int agreements_same_words(const Agreements *a, const Agreements *b);

#endif
