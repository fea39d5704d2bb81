/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Linked with one layer of the core, whole, and only the layers below it
 * (cmake/layers.cmake): it builds only if nothing in the layer calls upwards. */
int main(void)
{
    return 0;
}
