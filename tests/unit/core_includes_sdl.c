/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Must fail to compile: the core may not include SDL. */
#include <SDL.h>
int main(void)
{
    return 0;
}
