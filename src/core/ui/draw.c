/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lull/draw.h"

#include <string.h>

void draw_reset(DrawList *list, Color clear)
{
    list->count = 0;
    list->text_used = 0;
    list->text[0] = '\0';
    list->clear = clear;
}

DrawCmd *draw_push(DrawList *list, DrawKind kind, Rect rect, Color color)
{
    if (list->count >= DRAW_MAX_CMDS)
        return NULL;
    DrawCmd *cmd = &list->cmds[list->count++];
    memset(cmd, 0, sizeof *cmd);
    cmd->kind = kind;
    cmd->rect = rect;
    cmd->color = color;
    return cmd;
}

void draw_set_text(DrawList *list, DrawCmd *cmd, const char *text)
{
    size_t len = strlen(text);
    if (list->text_used + len + 1 > DRAW_TEXT_BYTES) {
        /* Out of arena: show nothing rather than a cut UTF-8 sequence. */
        cmd->text = 0;
        list->text[0] = '\0';
        return;
    }
    /* Offset 0 is kept for the empty string. */
    if (list->text_used == 0)
        list->text_used = 1;
    memcpy(list->text + list->text_used, text, len + 1);
    cmd->text = list->text_used;
    list->text_used += len + 1;
}

const char *draw_text(const DrawList *list, const DrawCmd *cmd)
{
    return list->text + cmd->text;
}

int rect_contains(Rect r, int x, int y)
{
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

int rect_overlaps(Rect a, Rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

Rect rect_inset(Rect r, int by)
{
    Rect o = {r.x + by, r.y + by, r.w - 2 * by, r.h - 2 * by};
    if (o.w < 0)
        o.w = 0;
    if (o.h < 0)
        o.h = 0;
    return o;
}

Rect rect_make(int x, int y, int w, int h)
{
    Rect r = {x, y, w, h};
    return r;
}
