// libcurl, loaded the first time it is used rather than when `lko` starts.
//
// The release build of `lko` links the Swift runtime and Foundation statically (Package.swift).
// Foundation's URLSession (FoundationNetworking, used only by the `--server` client) calls
// libcurl, and libcurl.so.4 brings some thirty shared libraries with it (TLS, Kerberos, LDAP,
// SSH, IDN, …): mapping and relocating them was 5–6 ms of every `lko` start, more than half of
// `lko authorize --bundle` on an empty request file (docs/benchmarks.md, "Peers"). Here each
// libcurl function URLSession calls is defined as a forwarder that opens libcurl.so.4 on the
// first call and jumps to the real function, so a process that never talks HTTP never loads it,
// and one that does gets the very same library and functions as before.
//
// Compiled in only for the release build on Linux (LKO_CURL_ON_DEMAND, set in Package.swift);
// the debug build links Foundation dynamically and libcurl as usual. The functions are the ones
// swift-corelibs-foundation's CFURLSessionInterface uses (`nm -u lib_CFURLSessionInterface.a`):
// a toolchain that calls another one fails to link, loudly, and the list grows by one line.

#if defined(LKO_CURL_ON_DEMAND)

#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static void *lko_curl_library;
static pthread_once_t lko_curl_once = PTHREAD_ONCE_INIT;

static void lko_curl_open(void) {
    lko_curl_library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (lko_curl_library == NULL) {
        const char *reason = dlerror();
        fprintf(stderr, "lko: cannot load libcurl.so.4, which the HTTP client needs: %s\n", reason ? reason : "unknown error");
        exit(1);
    }
}

static void *lko_curl_function(const char *name) {
    pthread_once(&lko_curl_once, lko_curl_open);
    void *function = dlsym(lko_curl_library, name);
    if (function == NULL) {
        fprintf(stderr, "lko: libcurl.so.4 has no %s\n", name);
        exit(1);
    }
    return function;
}

// Hidden: the forwarders stand in for libcurl inside `lko` only. Exported (the static build
// exports its symbols), they would also be found first by libcurl's own calls to these
// functions once it is loaded.
#define LKO_CURL_FORWARDER __attribute__((visibility("hidden")))

// The real function, looked up once; a race between threads only looks it up twice.
#define LKO_CURL_REAL(type, name)                                                       \
    static type real;                                                                   \
    type found = __atomic_load_n(&real, __ATOMIC_ACQUIRE);                              \
    if (found == NULL) {                                                                \
        found = (type)lko_curl_function(name);                                          \
        __atomic_store_n(&real, found, __ATOMIC_RELEASE);                               \
    }

// Handles and structures pass through as opaque pointers; enums and codes as int (as in
// curl.h, where CURLcode, CURLMcode, CURLoption, CURLINFO, CURLMoption, CURLUPart and
// CURLversion are C enums); curl_socket_t is int on Linux; curl_off_t and long are 64-bit.

typedef int (*lko_global_init_t)(long);
LKO_CURL_FORWARDER int curl_global_init(long flags) {
    LKO_CURL_REAL(lko_global_init_t, "curl_global_init")
    return found(flags);
}

typedef char *(*lko_version_t)(void);
LKO_CURL_FORWARDER char *curl_version(void) {
    LKO_CURL_REAL(lko_version_t, "curl_version")
    return found();
}

typedef void *(*lko_version_info_t)(int);
LKO_CURL_FORWARDER void *curl_version_info(int age) {
    LKO_CURL_REAL(lko_version_info_t, "curl_version_info")
    return found(age);
}

typedef void (*lko_free_t)(void *);
LKO_CURL_FORWARDER void curl_free(void *pointer) {
    LKO_CURL_REAL(lko_free_t, "curl_free")
    found(pointer);
}

typedef void *(*lko_easy_init_t)(void);
LKO_CURL_FORWARDER void *curl_easy_init(void) {
    LKO_CURL_REAL(lko_easy_init_t, "curl_easy_init")
    return found();
}

typedef void (*lko_easy_cleanup_t)(void *);
LKO_CURL_FORWARDER void curl_easy_cleanup(void *handle) {
    LKO_CURL_REAL(lko_easy_cleanup_t, "curl_easy_cleanup")
    found(handle);
}

// curl_easy_setopt, curl_easy_getinfo and curl_multi_setopt take one more argument: a long, a
// curl_off_t, a data pointer or a function pointer, all passed in one 64-bit integer register
// on x86_64 and aarch64 Linux, and passed on the same way.
typedef int (*lko_easy_setopt_t)(void *, int, ...);
LKO_CURL_FORWARDER int curl_easy_setopt(void *handle, int option, ...) {
    LKO_CURL_REAL(lko_easy_setopt_t, "curl_easy_setopt")
    va_list arguments;
    va_start(arguments, option);
    void *value = va_arg(arguments, void *);
    va_end(arguments);
    return found(handle, option, value);
}

typedef int (*lko_easy_getinfo_t)(void *, int, ...);
LKO_CURL_FORWARDER int curl_easy_getinfo(void *handle, int info, ...) {
    LKO_CURL_REAL(lko_easy_getinfo_t, "curl_easy_getinfo")
    va_list arguments;
    va_start(arguments, info);
    void *value = va_arg(arguments, void *);
    va_end(arguments);
    return found(handle, info, value);
}

typedef int (*lko_easy_pause_t)(void *, int);
LKO_CURL_FORWARDER int curl_easy_pause(void *handle, int bitmask) {
    LKO_CURL_REAL(lko_easy_pause_t, "curl_easy_pause")
    return found(handle, bitmask);
}

typedef const char *(*lko_easy_strerror_t)(int);
LKO_CURL_FORWARDER const char *curl_easy_strerror(int code) {
    LKO_CURL_REAL(lko_easy_strerror_t, "curl_easy_strerror")
    return found(code);
}

typedef void *(*lko_multi_init_t)(void);
LKO_CURL_FORWARDER void *curl_multi_init(void) {
    LKO_CURL_REAL(lko_multi_init_t, "curl_multi_init")
    return found();
}

typedef int (*lko_multi_cleanup_t)(void *);
LKO_CURL_FORWARDER int curl_multi_cleanup(void *multi) {
    LKO_CURL_REAL(lko_multi_cleanup_t, "curl_multi_cleanup")
    return found(multi);
}

typedef int (*lko_multi_handle_t)(void *, void *);
LKO_CURL_FORWARDER int curl_multi_add_handle(void *multi, void *handle) {
    LKO_CURL_REAL(lko_multi_handle_t, "curl_multi_add_handle")
    return found(multi, handle);
}

LKO_CURL_FORWARDER int curl_multi_remove_handle(void *multi, void *handle) {
    LKO_CURL_REAL(lko_multi_handle_t, "curl_multi_remove_handle")
    return found(multi, handle);
}

typedef int (*lko_multi_assign_t)(void *, int, void *);
LKO_CURL_FORWARDER int curl_multi_assign(void *multi, int socket, void *pointer) {
    LKO_CURL_REAL(lko_multi_assign_t, "curl_multi_assign")
    return found(multi, socket, pointer);
}

typedef void *(*lko_multi_info_read_t)(void *, int *);
LKO_CURL_FORWARDER void *curl_multi_info_read(void *multi, int *messagesLeft) {
    LKO_CURL_REAL(lko_multi_info_read_t, "curl_multi_info_read")
    return found(multi, messagesLeft);
}

typedef int (*lko_multi_setopt_t)(void *, int, ...);
LKO_CURL_FORWARDER int curl_multi_setopt(void *multi, int option, ...) {
    LKO_CURL_REAL(lko_multi_setopt_t, "curl_multi_setopt")
    va_list arguments;
    va_start(arguments, option);
    void *value = va_arg(arguments, void *);
    va_end(arguments);
    return found(multi, option, value);
}

typedef int (*lko_multi_socket_action_t)(void *, int, int, int *);
LKO_CURL_FORWARDER int curl_multi_socket_action(void *multi, int socket, int mask, int *runningHandles) {
    LKO_CURL_REAL(lko_multi_socket_action_t, "curl_multi_socket_action")
    return found(multi, socket, mask, runningHandles);
}

typedef void *(*lko_slist_append_t)(void *, const char *);
LKO_CURL_FORWARDER void *curl_slist_append(void *list, const char *text) {
    LKO_CURL_REAL(lko_slist_append_t, "curl_slist_append")
    return found(list, text);
}

typedef void (*lko_slist_free_all_t)(void *);
LKO_CURL_FORWARDER void curl_slist_free_all(void *list) {
    LKO_CURL_REAL(lko_slist_free_all_t, "curl_slist_free_all")
    found(list);
}

typedef void *(*lko_url_t)(void);
LKO_CURL_FORWARDER void *curl_url(void) {
    LKO_CURL_REAL(lko_url_t, "curl_url")
    return found();
}

typedef int (*lko_url_get_t)(const void *, int, char **, unsigned int);
LKO_CURL_FORWARDER int curl_url_get(const void *url, int part, char **text, unsigned int flags) {
    LKO_CURL_REAL(lko_url_get_t, "curl_url_get")
    return found(url, part, text, flags);
}

typedef int (*lko_url_set_t)(void *, int, const char *, unsigned int);
LKO_CURL_FORWARDER int curl_url_set(void *url, int part, const char *text, unsigned int flags) {
    LKO_CURL_REAL(lko_url_set_t, "curl_url_set")
    return found(url, part, text, flags);
}

#endif
