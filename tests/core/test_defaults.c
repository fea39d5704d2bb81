/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The replaceable data files: the shipped signals.ini and journal-words.ini say
 * exactly what the built-in defaults say, and a damaged file keeps the built-in
 * value of each line it cannot use, with a message naming file, line and key. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "lull/defaults.h"
#include "lull/ini_text.h"
#include "shipped_journal_words_ini.h"
#include "shipped_signals_ini.h"

enum { MESSAGES = 4096 };

static void assert_same_signals(const Defaults *a, const Defaults *b)
{
    for (int i = 0; i < SIGNAL_COUNT; i++) {
        const SignalDef *x = &a->signals[i], *y = &b->signals[i];
        assert_int_equal(x->id, y->id);
        assert_string_equal(x->label, y->label);
        assert_memory_equal(&x->color, &y->color, sizeof x->color);
        assert_int_equal(x->shape, y->shape);
        assert_int_equal(x->sound, y->sound);
        assert_int_equal(x->visible, y->visible);
        assert_int_equal(a->order[i], b->order[i]);
    }
}

static void assert_same_words(const JournalWords *a, const JournalWords *b)
{
    for (int l = 0; l < WORDS_LIST_COUNT; l++) {
        assert_int_equal(a->count[l], b->count[l]);
        for (int i = 0; i < a->count[l]; i++) {
            assert_string_equal(a->words[l][i].id, b->words[l][i].id);
            assert_string_equal(a->words[l][i].label, b->words[l][i].label);
            assert_int_equal(a->words[l][i].hidden, b->words[l][i].hidden);
        }
    }
}

/* Every field something the file must set, so a file that leaves one out
 * cannot pass by the built-in showing through. */
static void scramble_signals(Defaults *d)
{
    for (int i = 0; i < SIGNAL_COUNT; i++) {
        SignalDef *s = &d->signals[i];
        snprintf(s->label, sizeof s->label, "unset");
        s->color = color_rgb(0x010203);
        s->shape = SHAPE_NONE;
        s->sound = SOUND_CHIME;
        s->visible = s->id == SIGNAL_PAUSE; /* Pause is always shown */
        d->order[i] = SIGNAL_COUNT - 1 - i;
    }
}

static void shipped_signals_are_the_builtin_ones(void **state)
{
    (void)state;
    Defaults builtin, read;
    defaults_builtin(&builtin);
    defaults_builtin(&read);
    scramble_signals(&read);
    char messages[MESSAGES];
    int problems = signal_set_read(read.signals, read.order, shipped_signals_ini, "signals.ini",
                                   messages, sizeof messages);
    assert_string_equal(messages, "");
    assert_int_equal(problems, 0);
    assert_same_signals(&read, &builtin);
}

static void shipped_words_are_the_builtin_ones(void **state)
{
    (void)state;
    Defaults builtin;
    defaults_builtin(&builtin);
    JournalWords read;
    memset(&read, 0, sizeof read);
    for (int l = 0; l < WORDS_LIST_COUNT; l++) {
        read.count[l] = 1;
        snprintf(read.words[l][0].id, sizeof read.words[l][0].id, "unset");
        snprintf(read.words[l][0].label, sizeof read.words[l][0].label, "unset");
    }
    char messages[MESSAGES];
    int problems = words_read(&read, shipped_journal_words_ini, "journal-words.ini", messages,
                              sizeof messages);
    assert_string_equal(messages, "");
    assert_int_equal(problems, 0);
    assert_same_words(&read, &builtin.words);
}

static void replaced_signals_are_used(void **state)
{
    (void)state;
    Defaults d;
    defaults_builtin(&d);
    char messages[MESSAGES];
    int problems = signal_set_read(d.signals, d.order,
                                   "[board]\n"
                                   "order = stop, pause\n"
                                   "[pain]\n"
                                   "label = Ouch  # our word\n"
                                   "colour = #aa00CC\n"
                                   "shape = star\n"
                                   "sound = slower\n"
                                   "[tired]\n"
                                   "shown = no\n",
                                   "signals.ini", messages, sizeof messages);
    assert_string_equal(messages, "signals.ini:2: board.order: leaves out good, slower, check_in, "
                                  "pain, tired; they follow in the order before\n");
    assert_int_equal(problems, 1);
    const int order[SIGNAL_COUNT] = {SIGNAL_STOP,     SIGNAL_PAUSE, SIGNAL_GOOD, SIGNAL_SLOWER,
                                     SIGNAL_CHECK_IN, SIGNAL_PAIN,  SIGNAL_TIRED};
    assert_memory_equal(d.order, order, sizeof order);
    const SignalDef *pain = &d.signals[SIGNAL_PAIN];
    assert_string_equal(pain->label, "Ouch");
    assert_int_equal(pain->color.r, 0xAA);
    assert_int_equal(pain->color.g, 0x00);
    assert_int_equal(pain->color.b, 0xCC);
    assert_int_equal(pain->shape, SHAPE_STAR);
    assert_int_equal(pain->sound, SOUND_SLOWER);
    assert_int_equal(d.signals[SIGNAL_TIRED].visible, 0);
    assert_string_equal(d.signals[SIGNAL_GOOD].label, "Keep going");
}

static void damaged_signals_keep_the_builtin_values(void **state)
{
    (void)state;
    Defaults builtin, d;
    defaults_builtin(&builtin);
    defaults_builtin(&d);
    char messages[MESSAGES];
    int problems = signal_set_read(d.signals, d.order,
                                   "[pain]\n"
                                   "colour = red\n"
                                   "shape = blob\n"
                                   "label = A label far longer than a button holds\n"
                                   "shown = maybe\n"
                                   "sound = trumpet\n"
                                   "size = 3\n"
                                   "this line has no equals sign\n"
                                   "[ouch]\n"
                                   "label = Ouch\n"
                                   "[pause]\n"
                                   "shown = no\n"
                                   "[board]\n"
                                   "order = pause, pause, hello, good, slower, check_in, pain, "
                                   "tired, stop\n",
                                   "/usr/share/lull/signals.ini", messages, sizeof messages);
    assert_string_equal(
        messages,
        "/usr/share/lull/signals.ini:2: pain.colour: \"red\" is not a colour like #0072B2; keeping "
        "#D55E00\n"
        "/usr/share/lull/signals.ini:3: pain.shape: \"blob\" is not a shape (circle, wave, bars, "
        "heart, ...); keeping bolt\n"
        "/usr/share/lull/signals.ini:4: pain.label: a label is 1 to 24 characters; keeping "
        "\"Pain\"\n"
        "/usr/share/lull/signals.ini:5: pain.shown: \"maybe\" is neither yes nor no; keeping yes\n"
        "/usr/share/lull/signals.ini:6: pain.sound: \"trumpet\" is not a signal's sound (good, "
        "slower, ...); keeping pain\n"
        "/usr/share/lull/signals.ini:7: pain.size: unknown key (label, colour, shape, sound or "
        "shown); ignored\n"
        "/usr/share/lull/signals.ini:8: not a \"key = value\" line or a [section]; ignored\n"
        "/usr/share/lull/signals.ini:10: [ouch] is not a signal (good, slower, check_in, pain, "
        "tired, pause, stop); ignored\n"
        "/usr/share/lull/signals.ini:12: pause.shown: Pause is always on the board; kept shown\n"
        "/usr/share/lull/signals.ini:14: board.order: \"pause\" is named twice; the first place is "
        "kept\n"
        "/usr/share/lull/signals.ini:14: board.order: \"hello\" is not a signal; left out\n");
    assert_int_equal(problems, 11);
    assert_same_signals(&d, &builtin);
}

static void replaced_words_replace_their_list_only(void **state)
{
    (void)state;
    Defaults builtin;
    defaults_builtin(&builtin);
    JournalWords w = builtin.words;
    char messages[MESSAGES];
    int problems = words_read(&w,
                              "[helped]\n"
                              "music = Music\n"
                              "Bad Id = Nope\n"
                              "music = Music again\n"
                              "long = A word far longer than a chip holds\n"
                              "warmth = Warmth ; by the fire\n"
                              "[later]\n"
                              "x = y\n",
                              "journal-words.ini", messages, sizeof messages);
    assert_string_equal(messages,
                        "journal-words.ini:3: helped.Bad Id: an id is 1 to 31 lowercase letters, "
                        "digits and _ (like mindful_touch); ignored\n"
                        "journal-words.ini:4: helped.music: is already in this list; ignored\n"
                        "journal-words.ini:5: helped.long: a word is 1 to 24 characters; ignored\n"
                        "journal-words.ini:8: [later] is not a list (tried, helped or next); "
                        "ignored\n");
    assert_int_equal(problems, 4);
    assert_int_equal(w.count[WORDS_HELPED], 2);
    assert_string_equal(w.words[WORDS_HELPED][0].id, "music");
    assert_string_equal(w.words[WORDS_HELPED][0].label, "Music");
    assert_string_equal(w.words[WORDS_HELPED][1].label, "Warmth");
    /* The lists the file does not name keep theirs. */
    assert_int_equal(w.count[WORDS_TRIED], builtin.words.count[WORDS_TRIED]);
    assert_int_equal(w.count[WORDS_NEXT], builtin.words.count[WORDS_NEXT]);
}

static void a_list_with_no_usable_word_keeps_its_own(void **state)
{
    (void)state;
    Defaults builtin;
    defaults_builtin(&builtin);
    JournalWords w = builtin.words;
    char messages[MESSAGES];
    int problems = words_read(&w, "[next]\nNOPE = x\n", "w.ini", messages, sizeof messages);
    assert_int_equal(problems, 1);
    assert_same_words(&w, &builtin.words);
}

static void a_list_holds_sixteen_words(void **state)
{
    (void)state;
    JournalWords w;
    memset(&w, 0, sizeof w);
    char text[2048] = "[tried]\n";
    for (int i = 0; i < WORDS_MAX + 1; i++) {
        size_t used = strlen(text);
        snprintf(text + used, sizeof text - used, "w%d = Word %d\n", i, i);
    }
    char messages[MESSAGES];
    int problems = words_read(&w, text, "w.ini", messages, sizeof messages);
    assert_int_equal(problems, 1);
    assert_string_equal(messages, "w.ini:18: tried.w16: a list holds 16 words; ignored\n");
    assert_int_equal(w.count[WORDS_TRIED], WORDS_MAX);
}

static void a_hash_that_starts_a_word_is_kept(void **state)
{
    (void)state;
    Defaults d;
    defaults_builtin(&d);
    char messages[MESSAGES];
    /* "# note" is a comment, so the colour has no value and stays. */
    int problems = signal_set_read(d.signals, d.order, "[good]\ncolour = # green\n", "s.ini",
                                   messages, sizeof messages);
    assert_int_equal(problems, 1);
    assert_string_equal(messages, "s.ini:2: good.colour: \"\" is not a colour like #0072B2; "
                                  "keeping #009E73\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shipped_signals_are_the_builtin_ones),
        cmocka_unit_test(shipped_words_are_the_builtin_ones),
        cmocka_unit_test(replaced_signals_are_used),
        cmocka_unit_test(damaged_signals_keep_the_builtin_values),
        cmocka_unit_test(replaced_words_replace_their_list_only),
        cmocka_unit_test(a_list_with_no_usable_word_keeps_its_own),
        cmocka_unit_test(a_list_holds_sixteen_words),
        cmocka_unit_test(a_hash_that_starts_a_word_is_kept),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
