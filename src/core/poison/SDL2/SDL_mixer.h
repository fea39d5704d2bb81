#error "lull_core is pure C11: it must not include SDL (see STYLE.md)"
