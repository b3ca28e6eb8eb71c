/* A glibc build that needs a library beside it through DT_RUNPATH $ORIGIN and imports nothing glibc-only, built by
   SystemLibraryTests with: gcc -shared -fPIC -o libneighbour.so neighbour.c -Wl,--no-as-needed -LDIR -l:libnumkong.so
   -Wl,--enable-new-dtags,-rpath,'$ORIGIN' (DIR holds Cloud.Unum.USearch's linux-x64 libnumkong.so, a glibc build) */
int neighbour(void)
{
    return 2;
}
