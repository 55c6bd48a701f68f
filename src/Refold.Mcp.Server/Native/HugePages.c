/*
 * Linked into the Native AOT build for Linux (Native/HugePages.targets). Before main, asks the kernel to back the
 * executable's zero-initialised data (.bss and Native AOT's .hydrated section, about 12 MB that the runtime writes in
 * full before Main) with transparent huge pages. Where THP is "madvise" (the usual default) that spares the process
 * some 2,500 of its 3,500 start-up page faults and a few milliseconds (docs/benchmarks.md); where THP is "never" it
 * changes nothing, and where it is "always" the data could get huge pages anyway. A refusal by the kernel is ignored:
 * the pages are then ordinary ones. errno is left as it was found.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <link.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

static int advise_zero_filled_data(struct dl_phdr_info *info, size_t size, void *unused)
{
    (void)size;
    (void)unused;
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    for (int i = 0; i < info->dlpi_phnum; i++)
    {
        const ElfW(Phdr) *segment = &info->dlpi_phdr[i];
        if (segment->p_type != PT_LOAD || !(segment->p_flags & PF_W) || segment->p_memsz <= segment->p_filesz)
        {
            continue;
        }

        /* The part of the writable segment past its file contents: anonymous memory, not yet touched. */
        uintptr_t start = (info->dlpi_addr + segment->p_vaddr + segment->p_filesz + page - 1) & ~(page - 1);
        uintptr_t end = (info->dlpi_addr + segment->p_vaddr + segment->p_memsz) & ~(page - 1);
        if (end > start)
        {
            madvise((void *)start, end - start, MADV_HUGEPAGE);
        }
    }

    /* The first object reported is the executable itself: stop there. */
    return 1;
}

__attribute__((constructor)) static void refold_mcp_huge_pages_for_data(void)
{
    int saved = errno;
    dl_iterate_phdr(advise_zero_filled_data, 0);
    errno = saved;
}
