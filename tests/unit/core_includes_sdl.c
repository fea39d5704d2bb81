/* Must fail to compile: the core may not include SDL. */
#include <SDL.h>
int main(void) { return 0; }
