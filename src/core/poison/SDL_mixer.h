/* SPDX-License-Identifier: GPL-3.0-or-later */
#error "lull_core is pure C11: it must not include SDL (see STYLE.md)"
