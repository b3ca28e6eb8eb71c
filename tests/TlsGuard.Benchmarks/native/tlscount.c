/*
 * tlscount: the benchmarks' C yardstick, the least work that answers "does this library need static TLS?".
 * For each file on the command line: mmap it, find PT_DYNAMIC, read DT_RELA/DT_RELASZ/DT_RELAENT and
 * DT_JMPREL/DT_PLTRELSZ, and count the dynamic relocations whose type is TP-relative for the file's machine
 * (x86-64: R_X86_64_TPOFF64 and R_X86_64_TPOFF32; AArch64: R_AARCH64_TLS_TPREL). Prints "COUNT PATH", or
 * "- PATH" for a file it does not handle (only ELF64 little-endian x86-64 and AArch64 are). No symbols, no
 * dependencies, no report: every figure of the tool is a ratio to this.
 * Build: gcc -O2 -o tlscount tlscount.c (tests/TlsGuard.Benchmarks/run.sh does).
 */
#include <elf.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* File offset of a virtual address, through the PT_LOAD segment that maps it; 0 when none does. */
static uint64_t file_offset(const Elf64_Phdr *phdr, int count, uint64_t address, uint64_t *available)
{
    for (int i = 0; i < count; i++) {
        if (phdr[i].p_type == PT_LOAD && address >= phdr[i].p_vaddr && address - phdr[i].p_vaddr < phdr[i].p_filesz) {
            *available = phdr[i].p_filesz - (address - phdr[i].p_vaddr);
            return phdr[i].p_offset + (address - phdr[i].p_vaddr);
        }
    }
    *available = 0;
    return 0;
}

static int is_static_tls(uint16_t machine, uint32_t type)
{
    switch (machine) {
    case EM_X86_64:
        return type == R_X86_64_TPOFF64 || type == R_X86_64_TPOFF32;
    case EM_AARCH64:
        return type == R_AARCH64_TLS_TPREL;
    default:
        return 0;
    }
}

static long count_table(const unsigned char *base, size_t size, const Elf64_Phdr *phdr, int phnum,
                        uint16_t machine, uint64_t address, uint64_t bytes)
{
    uint64_t available;
    uint64_t offset = file_offset(phdr, phnum, address, &available);
    if (address == 0 || bytes == 0 || offset == 0 || bytes > available || offset + bytes > size) {
        return 0;
    }
    const Elf64_Rela *rela = (const Elf64_Rela *)(base + offset);
    long count = 0;
    for (uint64_t i = 0; i < bytes / sizeof(Elf64_Rela); i++) {
        count += is_static_tls(machine, (uint32_t)ELF64_R_TYPE(rela[i].r_info));
    }
    return count;
}

/* The static-TLS relocation count, or -1 when the file is not one this scanner handles. */
static long scan(const unsigned char *base, size_t size)
{
    if (size < sizeof(Elf64_Ehdr) || memcmp(base, ELFMAG, SELFMAG) != 0
        || base[EI_CLASS] != ELFCLASS64 || base[EI_DATA] != ELFDATA2LSB) {
        return -1;
    }
    const Elf64_Ehdr *ehdr = (const Elf64_Ehdr *)base;
    if ((ehdr->e_machine != EM_X86_64 && ehdr->e_machine != EM_AARCH64)
        || ehdr->e_phentsize != sizeof(Elf64_Phdr) || ehdr->e_phoff > size
        || (uint64_t)ehdr->e_phnum * sizeof(Elf64_Phdr) > size - ehdr->e_phoff) {
        return -1;
    }
    const Elf64_Phdr *phdr = (const Elf64_Phdr *)(base + ehdr->e_phoff);
    const Elf64_Dyn *dyn = NULL;
    uint64_t dynamic_count = 0;
    for (int i = 0; i < ehdr->e_phnum; i++) {
        if (phdr[i].p_type == PT_DYNAMIC && phdr[i].p_offset <= size && phdr[i].p_filesz <= size - phdr[i].p_offset) {
            dyn = (const Elf64_Dyn *)(base + phdr[i].p_offset);
            dynamic_count = phdr[i].p_filesz / sizeof(Elf64_Dyn);
        }
    }
    if (dyn == NULL) {
        return 0;
    }

    uint64_t rela = 0, relasz = 0, jmprel = 0, pltrelsz = 0, pltrel = 0;
    for (uint64_t i = 0; i < dynamic_count && dyn[i].d_tag != DT_NULL; i++) {
        switch (dyn[i].d_tag) {
        case DT_RELA: rela = dyn[i].d_un.d_ptr; break;
        case DT_RELASZ: relasz = dyn[i].d_un.d_val; break;
        case DT_JMPREL: jmprel = dyn[i].d_un.d_ptr; break;
        case DT_PLTRELSZ: pltrelsz = dyn[i].d_un.d_val; break;
        case DT_PLTREL: pltrel = dyn[i].d_un.d_val; break;
        default: break;
        }
    }

    long count = count_table(base, size, phdr, ehdr->e_phnum, ehdr->e_machine, rela, relasz);
    /* Some linkers place .rela.plt inside DT_RELA's range; count it once. */
    int plt_inside_rela = jmprel >= rela && jmprel < rela + relasz;
    if (pltrel == DT_RELA && !plt_inside_rela) {
        count += count_table(base, size, phdr, ehdr->e_phnum, ehdr->e_machine, jmprel, pltrelsz);
    }
    return count;
}

int main(int argc, char **argv)
{
    int status = 0;
    for (int i = 1; i < argc; i++) {
        int fd = open(argv[i], O_RDONLY);
        struct stat st;
        if (fd < 0 || fstat(fd, &st) != 0 || st.st_size == 0) {
            perror(argv[i]);
            status = 2;
            if (fd >= 0) {
                close(fd);
            }
            continue;
        }
        void *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
        close(fd);
        if (map == MAP_FAILED) {
            perror(argv[i]);
            status = 2;
            continue;
        }
        long count = scan(map, (size_t)st.st_size);
        if (count < 0) {
            printf("- %s\n", argv[i]);
        } else {
            printf("%ld %s\n", count, argv[i]);
        }
        munmap(map, (size_t)st.st_size);
    }
    return status;
}
