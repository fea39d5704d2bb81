/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The plan: the shipped programmes read whole, damaged files named by line,
 * the ladder moving only with both, back with one tap, held by a date, and the
 * suggestion made from hand-made logs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "lull/plan.h"
#include "lull/utf8.h"
#include "shipped_plans_cardiac_plan.h"
#include "shipped_plans_gentle_plan.h"
#include "shipped_plans_own_plan.h"
#include "shipped_plans_sensate_focus_plan.h"

static Programme programme;
static char messages[2048];

/* Every shipped programme reads without a single problem, under its own id,
 * and says what DESIGN.md asks of each stage; a caution names where it comes
 * from and sends the couple to their clinician. */
static void shipped_programmes_read_whole(void **state)
{
    (void)state;
    const struct {
        const char *text, *file;
        ProgrammeId id;
        int stages;
    } shipped[] = {
        {shipped_plans_gentle_plan, "gentle.plan", PROGRAMME_GENTLE, 5},
        {shipped_plans_sensate_focus_plan, "sensate_focus.plan", PROGRAMME_SENSATE_FOCUS, 5},
        {shipped_plans_cardiac_plan, "cardiac.plan", PROGRAMME_CARDIAC, 5},
        {shipped_plans_own_plan, "own.plan", PROGRAMME_OWN, 0},
    };
    for (size_t i = 0; i < sizeof shipped / sizeof shipped[0]; i++) {
        int problems = programme_read(&programme, shipped[i].text, shipped[i].file, messages,
                                      sizeof messages);
        if (problems != 0)
            fail_msg("%s: %s", shipped[i].file, messages);
        assert_string_equal(programme.id, programme_id_name(shipped[i].id));
        assert_int_equal(programme_id_parse(programme.id), (int)shipped[i].id);
        assert_true(programme.name[0] && programme.summary[0]);
        assert_true(utf8_length(programme.name) <= PLAN_NAME_CHARS);
        assert_int_equal(programme.stage_count, shipped[i].stages);
        assert_true(programme.question_count >= 2);
        for (int s = 0; s < programme.stage_count; s++) {
            const PlanStage *st = &programme.stage[s];
            assert_true(st->name[0] && st->description[0] && st->in[0] && st->not_yet[0] &&
                        st->practice[0]);
            char items[8][PLAN_NAME_MAX];
            assert_true(plan_list_items(st->in, items, 8) >= 1);
            /* every stage but the last suggests, from the couple's own log */
            if (s < programme.stage_count - 1)
                assert_true(st->rule.sessions > 0 && st->rule.min_comfort > 0 &&
                            st->rule.without_pain_stop);
            const char *ending = "ask your clinician.";
            size_t len = strlen(st->caution);
            if (len > 0 &&
                (len < strlen(ending) || strcmp(st->caution + len - strlen(ending), ending) != 0))
                fail_msg("%s, stage %d: a caution ends in \"%s\"", shipped[i].file, s + 1, ending);
        }
    }
    /* the cardiac ladder: each step after the first asks the cardiac team when */
    programme_read(&programme, shipped_plans_cardiac_plan, "cardiac.plan", NULL, 0);
    for (int s = 1; s < 4; s++)
        assert_non_null(strstr(programme.stage[s].caution, "Ask your cardiac team when"));
    assert_int_equal(programme_id_parse("nonsense"), -1);
}

/* A damaged file: each line that cannot be used is named with its file and line,
 * and everything else is kept. */
static void damaged_lines_are_named_and_the_rest_kept(void **state)
{
    (void)state;
    const char *text = "[programme]\n"                   /* 1 */
                       "id = mine\n"                     /* 2 */
                       "name = Ours\n"                   /* 3 */
                       "colour = blue\n"                 /* 4: not a key */
                       "[stage 1]\n"                     /* 5 */
                       "name = First\n"                  /* 6 */
                       "suggest_comfort = 9\n"           /* 7: out of range */
                       "suggest_sessions = 2\n"          /* 8 */
                       "[stage 3]\n"                     /* 9 */
                       "name = Third\n"                  /* 10: out of order */
                       "[stage 2]\n"                     /* 11 */
                       "name = Second\n"                 /* 12 */
                       "suggest_without = pain, tired\n" /* 13 */
                       "[extras]\n"                      /* 14 */
                       "x = 1\n";                        /* 15 */
    int problems = programme_read(&programme, text, "mine.plan", messages, sizeof messages);
    assert_int_equal(problems, 5);
    assert_non_null(strstr(messages, "mine.plan:4: programme.colour"));
    assert_non_null(strstr(messages, "mine.plan:7: stage 1.suggest_comfort"));
    assert_non_null(strstr(messages, "mine.plan:10: stages are numbered in order"));
    assert_non_null(strstr(messages, "mine.plan:13: stage 2.suggest_without"));
    assert_non_null(strstr(messages, "mine.plan:15: "));
    assert_int_equal(programme.stage_count, 2);
    assert_string_equal(programme.stage[0].name, "First");
    assert_int_equal(programme.stage[0].rule.sessions, 2);
    assert_int_equal(programme.stage[0].rule.min_comfort, 0);
    assert_string_equal(programme.stage[1].name, "Second");

    /* no name for a stage, or no id: not a programme at all */
    assert_int_equal(programme_read(&programme,
                                    "[programme]\nid = x\nname = X\n[stage 1]\n"
                                    "description = nameless\n",
                                    "bad.plan", messages, sizeof messages),
                     -1);
    assert_non_null(strstr(messages, "bad.plan: not a programme"));
    assert_int_equal(programme.stage_count, 0);
    assert_int_equal(programme_read(&programme, "[programme]\nname = X\n", "bad.plan", NULL, 0),
                     -1);
    assert_int_equal(programme_read(&programme, NULL, "none.plan", NULL, 0), -1);
}

static void list_items_split_trim_and_fit(void **state)
{
    (void)state;
    char items[4][PLAN_NAME_MAX];
    assert_int_equal(plan_list_items(" Lying close ;; Holding hands;", items, 4), 2);
    assert_string_equal(items[0], "Lying close");
    assert_string_equal(items[1], "Holding hands");
    char longer[300];
    memset(longer, 'a', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    memcpy(longer + 60, "é", 2); /* a character across the cut */
    assert_int_equal(plan_list_items(longer, items, 4), 1);
    assert_true(strlen(items[0]) < PLAN_NAME_MAX);
    assert_true(utf8_length(items[0]) > 0); /* whole characters only */
    assert_int_equal(plan_list_items("a; b; c; d; e", items, 3), 3);
    assert_int_equal(plan_list_items(NULL, items, 3), 0);
}

/* Moving on needs both; a second tap takes it back; the last stage stays. */
static void the_next_step_needs_both(void **state)
{
    (void)state;
    PlanProgress p;
    plan_progress_init(&p);
    assert_int_equal(plan_ready(&p, 3, 0, 100), PLAN_READY);
    assert_int_equal(p.current, 0);
    assert_int_equal(plan_ready(&p, 3, 0, 100), PLAN_WITHDRAWN);
    assert_int_equal(p.ready[0], 0);
    assert_int_equal(plan_ready(&p, 3, 1, 100), PLAN_READY);
    assert_int_equal(plan_ready(&p, 3, 0, 100), PLAN_NEXT);
    assert_int_equal(p.current, 1);
    assert_int_equal(p.ready[0] + p.ready[1], 0); /* a new stage: nobody ready yet */
    plan_ready(&p, 3, 0, 100);
    assert_int_equal(plan_ready(&p, 3, 1, 100), PLAN_NEXT);
    plan_ready(&p, 3, 1, 100);
    assert_int_equal(plan_ready(&p, 3, 0, 100), PLAN_LAST);
    assert_int_equal(p.current, 2);
    assert_int_equal(plan_ready(&p, 0, 0, 100), PLAN_NO_STAGES);
    assert_int_equal(plan_ready(&p, 3, 5, 100), PLAN_WITHDRAWN); /* nobody's tap */
}

/* Either steps back with one tap; readiness goes with it. */
static void either_steps_back(void **state)
{
    (void)state;
    PlanProgress p;
    plan_progress_init(&p);
    p.current = 2;
    plan_ready(&p, 4, 0, 100);
    assert_int_equal(plan_step_back(&p, 4), PLAN_BACK);
    assert_int_equal(p.current, 1);
    assert_int_equal(p.ready[0], 0);
    plan_step_back(&p, 4);
    plan_ready(&p, 4, 1, 100);
    assert_int_equal(plan_step_back(&p, 4), PLAN_AT_FIRST);
    assert_int_equal(p.current, 0);
    assert_int_equal(p.ready[1], 0);
    assert_int_equal(plan_step_back(&p, 0), PLAN_NO_STAGES);
}

/* A "not before" day still ahead holds the step: both stay ready, and on the
 * day a tap moves them on. */
static void not_before_holds_the_step(void **state)
{
    (void)state;
    PlanProgress p;
    plan_progress_init(&p);
    p.not_before_day[1] = 200;
    assert_true(plan_next_held(&p, 3, 150));
    plan_ready(&p, 3, 0, 150);
    assert_int_equal(plan_ready(&p, 3, 1, 150), PLAN_HELD);
    assert_int_equal(p.current, 0);
    assert_int_equal(p.ready[0] + p.ready[1], 2);
    assert_false(plan_next_held(&p, 3, 200));
    plan_ready(&p, 3, 1, 200); /* withdrawn, then ready again on the day */
    assert_int_equal(plan_ready(&p, 3, 1, 200), PLAN_NEXT);
    assert_int_equal(p.current, 1);
    /* a date on a stage already reached holds nothing */
    p.not_before_day[2] = 0;
    assert_false(plan_next_held(&p, 3, 150));
}

/* Stages added, removed or moved: readiness cleared, the place kept in range. */
static void a_changed_ladder_clears_readiness(void **state)
{
    (void)state;
    PlanProgress p;
    plan_progress_init(&p);
    p.current = 4;
    p.ready[0] = 1;
    plan_stages_changed(&p, 3);
    assert_int_equal(p.current, 2);
    assert_int_equal(p.ready[0], 0);
    plan_stages_changed(&p, 0);
    assert_int_equal(p.current, 0);
}

/* The rule against hand-made logs: the last N evenings, each comfortable
 * enough and without Pain or Stop; fewer, or one that hurt, says nothing. */
static void the_rule_reads_their_own_log(void **state)
{
    (void)state;
    const PlanRule rule = {3, 4, 1};
    const PlanEvening good[] = {{2, 1}, {4, 0}, {5, 0}, {4, 0}};
    const PlanEvening hurt[] = {{4, 0}, {5, 1}, {4, 0}};
    const PlanEvening tense[] = {{4, 0}, {3, 0}, {5, 0}};
    const PlanEvening unwritten[] = {{4, 0}, {0, 0}, {5, 0}};
    char out[200];
    assert_true(plan_rule_met(&rule, good, 4)); /* an older hard evening no longer counts */
    plan_suggestion(&rule, good, 4, out, sizeof out);
    assert_string_equal(out, "Three evenings at this stage felt comfortable, with no pain or stop "
                             "signal. You might talk about the next step.");
    assert_false(plan_rule_met(&rule, good, 2));
    assert_false(plan_rule_met(&rule, hurt, 3));
    assert_false(plan_rule_met(&rule, tense, 3));
    assert_false(plan_rule_met(&rule, unwritten, 3));
    plan_suggestion(&rule, hurt, 3, out, sizeof out);
    assert_string_equal(out, "");
    /* a rule that asks less */
    const PlanRule lenient = {1, 0, 0};
    assert_true(plan_rule_met(&lenient, hurt, 3));
    plan_suggestion(&lenient, hurt, 3, out, sizeof out);
    assert_string_equal(out, "One evening at this stage went by. You might talk about the next "
                             "step.");
    const PlanRule never = {0, 4, 1};
    assert_false(plan_rule_met(&never, good, 4));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shipped_programmes_read_whole),
        cmocka_unit_test(damaged_lines_are_named_and_the_rest_kept),
        cmocka_unit_test(list_items_split_trim_and_fit),
        cmocka_unit_test(the_next_step_needs_both),
        cmocka_unit_test(either_steps_back),
        cmocka_unit_test(not_before_holds_the_step),
        cmocka_unit_test(a_changed_ladder_clears_readiness),
        cmocka_unit_test(the_rule_reads_their_own_log),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
