/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Point 8: a seccomp filter that kills the process (SIGSYS) the moment it
 * asks the kernel for any socket but a local one (AF_UNIX; AF_NETLINK, which
 * SDL's udev monitor uses), or for io_uring (which could open sockets behind
 * the filter's back). The program runs under it; if it ever tried to open a
 * network socket it would die, and this launcher reports it. No ptrace, so it
 * works where strace cannot.
 *   nonet PROGRAM ARG...     exits as the program does; 3 when it was killed
 *                            for a network socket
 *   nonet --self-test        proves the filter works: a child opens AF_INET
 *                            and must be killed for it */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__x86_64__)
#define NONET_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define NONET_ARCH AUDIT_ARCH_AARCH64
#else
#define NONET_ARCH 0
#endif

#ifndef SECCOMP_RET_KILL_PROCESS
#define SECCOMP_RET_KILL_PROCESS 0x80000000U
#endif

static int install_filter(void)
{
    struct sock_filter code[] = {
        /* Only this architecture's system calls (no 32-bit back door). */
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, NONET_ARCH, 1, 0),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
#ifdef __NR_io_uring_setup
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_io_uring_setup, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
#endif
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_socket, 1, 0),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
        /* socket(domain, ...): the domain is the first argument (low word). */
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[0])),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AF_UNIX, 2, 0),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AF_NETLINK, 1, 0),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    struct sock_fprog prog = {(unsigned short)(sizeof code / sizeof code[0]), code};
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        return -1;
    return prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0);
}

enum { NO_FILTER = 4 }; /* the child could not install the filter */

static int run(char **argv, int self_test)
{
    pid_t pid = fork();
    if (pid < 0)
        return 2;
    if (pid == 0) {
        if (install_filter() != 0) {
            printf("nonet: FAIL: cannot install a seccomp filter here: %s\n", strerror(errno));
            _exit(NO_FILTER);
        }
        if (self_test) {
            int local = socket(AF_UNIX, SOCK_STREAM, 0); /* allowed */
            if (local < 0)
                _exit(5);
            close(local);
            socket(AF_INET6, SOCK_DGRAM, 0); /* must not return */
            _exit(0);
        }
        execv(argv[0], argv);
        fprintf(stderr, "nonet: cannot run %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    int status = 0;
    if (waitpid(pid, &status, 0) != pid)
        return 2;
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGSYS) {
        if (self_test) {
            printf("nonet: the filter works: a network socket killed the process\n");
            return 0;
        }
        fprintf(stderr, "nonet: FAIL: %s asked for a network socket (killed by seccomp)\n",
                argv[0]);
        return 3;
    }
    if (self_test) {
        if (WIFEXITED(status) && WEXITSTATUS(status) == NO_FILTER)
            return 1;
        fprintf(stderr, "nonet: FAIL: the self-test was not stopped (status %d)\n", status);
        return 1;
    }
    if (WIFSIGNALED(status)) {
        fprintf(stderr, "nonet: %s died of signal %d\n", argv[0], WTERMSIG(status));
        return 128 + WTERMSIG(status);
    }
    return WEXITSTATUS(status);
}

int main(int argc, char **argv)
{
    if (NONET_ARCH == 0) {
        printf("nonet: FAIL: no filter written for this architecture\n");
        return 1;
    }
    if (argc == 2 && strcmp(argv[1], "--self-test") == 0)
        return run(argv, 1);
    if (argc < 2) {
        fprintf(stderr, "usage: nonet PROGRAM ARG... | nonet --self-test\n");
        return 2;
    }
    return run(argv + 1, 0);
}
