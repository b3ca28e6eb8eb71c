/* The founding case of TlsGuard (issue 10): an ordinary library linked against the system's libjemalloc.so.2, built by
   SystemLibraryTests with: gcc -shared -fPIC -o libfoo.so foo.c -Wl,--no-as-needed -l:libjemalloc.so.2 */
int foo(void)
{
    return 1;
}
