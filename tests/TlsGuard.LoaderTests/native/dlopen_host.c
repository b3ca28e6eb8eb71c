/* A bare C host that loads libraries the way a plugin host does, so tests can compare TlsGuard's prediction
 * with what glibc really does.
 *
 *   dlopen_host LIB [--call=FUNC] [LIB [--call=FUNC]] ...
 *
 * Libraries are opened in order with dlopen(RTLD_NOW). --call=FUNC calls `int FUNC(void)` from the library
 * opened just before, which lets a test touch a library's TLS before the next one loads. One line per step:
 * "ok PATH", "fail PATH: DLERROR", "called FUNC". Exit status: 0 when every library loaded, 1 otherwise,
 * 2 for usage errors. It keeps going after a failure so that a test sees the outcome of every library. */
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    void *last = NULL;
    int failures = 0;
    if (argc < 2) {
        fprintf(stderr, "usage: %s LIB [--call=FUNC] ...\n", argv[0]);
        return 2;
    }
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strncmp(arg, "--call=", 7) == 0) {
            if (last == NULL) {
                printf("skip-call %s\n", arg + 7);
                continue;
            }
            int (*fn)(void) = (int (*)(void))dlsym(last, arg + 7);
            if (fn == NULL) {
                printf("fail-call %s: %s\n", arg + 7, dlerror());
                failures++;
                continue;
            }
            fn();
            printf("called %s\n", arg + 7);
            continue;
        }
        last = dlopen(arg, RTLD_NOW);
        if (last == NULL) {
            printf("fail %s: %s\n", arg, dlerror());
            failures++;
        } else {
            printf("ok %s\n", arg);
        }
        fflush(stdout);
    }
    return failures == 0 ? 0 : 1;
}
