/* cmd_serve.c: `samla serve`: options, start-up and clean shutdown of the HTTP
 * service (cli/serve/: catalog, dispatcher, HTTP front; docs/serve.md). */
#include <errno.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "options.h"
#include "serve/serve.h"

#define DEFAULT_LISTEN "127.0.0.1:8970"

static void serve_usage(FILE *out)
{
    fprintf(out,
            "Usage: samla serve [OPTIONS]\n"
            "\n"
            "Runs samla as an HTTP service: POST a document (PDF, DOCX or text; the raw bytes\n"
            "as the body, or multipart/form-data with a file part) to /run/PIPELINE and get\n"
            "its model back, the same bytes `samla run PIPELINE` writes for that file: JSON by\n"
            "default, YAML with ?format=yaml or Accept: application/yaml, or any other\n"
            "writer's format (?format=oparl, ?format=popolo). ?name=FILE sets the name the\n"
            "model records (document.source); a multipart part's file name is used otherwise.\n"
            "GET /pipelines, /plugins and /health describe the service (JSON). Each document\n"
            "runs in its own worker process under the limits below, like `samla batch`;\n"
            "errors come back as JSON naming the file and the cause: 400 bad request,\n"
            "404 no such pipeline, 413 body too large, 422 the document was refused (damaged,\n"
            "encrypted, unsupported, too many pages, out of time or memory), 500 a worker\n"
            "crashed, 503 busy (with Retry-After) or shutting down. See docs/serve.md.\n"
            "\n"
            "Options:\n"
            "  -l, --listen ADDR:PORT  address to listen on (default " DEFAULT_LISTEN ", this\n"
            "                          machine only); [ADDR6]:PORT for IPv6; port 0 picks a free\n"
            "                          one (the address is printed on start)\n"
            "  -j, --jobs N            documents run at a time (default: the number of cores)\n"
            "  --queue N               documents admitted beyond --jobs, uploading or waiting\n"
            "                          for a worker (default 16); more get 503 + Retry-After\n"
            "  --max-body MB           largest document accepted (default 100)\n"
            "  --timeout S             wall-time limit per document in seconds (default 120)\n"
            "  --max-mem MB            memory limit per document (default 2048)\n"
            "  --max-pages N           refuse documents with more pages (default 2000)\n"
            "  --max-connections N     open connections (default 64)\n"
            "  --idle-timeout S        close a connection silent this long (default 30)\n"
            "  --grace S               at a stop, seconds the running documents get to finish\n"
            "                          (default 10)\n"
            "  -O, --set P.K=V         set option K of plugin P in every pipeline that has it\n"
            "                          (repeatable)\n"
            "  -q, --quiet             no access log on stderr\n"
            "  -h, --help              show this help\n"
            "\n"
            "SIGINT or SIGTERM stops the service: no new connections, queued documents get\n"
            "503, running ones up to --grace seconds to finish (then 503; a second signal\n"
            "ends the wait). Exit status: 0 after a clean stop, 2 usage or start-up error\n"
            "(address in use, no pipelines).\n");
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Polls the HTTP daemon, the workers' pipes and the signalfd; does what is
 * ready. Returns after a stop signal once the running documents are done or
 * their grace time is over. */
static void serve_loop(serve_http *http, serve_dispatch *disp, const serve_options *o, int sfd)
{
    double stop_at = -1;
    struct pollfd fds[2 + o->jobs];
    for (;;) {
        serve_dispatch_step(disp);
        serve_http_run(http);
        if (stop_at >= 0 && (serve_dispatch_stats(disp)->running == 0 || now_s() >= stop_at)) return;
        fds[0] = (struct pollfd){.fd = sfd, .events = POLLIN};
        fds[1] = (struct pollfd){.fd = serve_http_fd(http), .events = POLLIN};
        size_t n = 2 + serve_dispatch_fds(disp, fds + 2, o->jobs);
        int wait = serve_http_timeout_ms(http);
        if (wait < 0 || wait > WORKER_TICK_MS) wait = WORKER_TICK_MS; /* the workers' deadlines and memory */
        if (poll(fds, n, wait) < 0 && errno != EINTR) {
            fprintf(stderr, "samla serve: poll: %s\n", strerror(errno));
            return;
        }
        struct signalfd_siginfo si;
        if (!(fds[0].revents & POLLIN) || read(sfd, &si, sizeof si) != (ssize_t)sizeof si) continue;
        if (stop_at < 0) {
            fprintf(stderr, "samla serve: %s: stopping\n", strsignal((int)si.ssi_signo));
            serve_http_quiesce(http);
            serve_dispatch_stop(disp); /* queued documents: 503 */
            stop_at = now_s() + o->grace;
        } else {
            fprintf(stderr, "samla serve: %s again: stopping the running documents now\n", strsignal((int)si.ssi_signo));
            stop_at = now_s(); /* a second signal ends the grace time */
        }
    }
}

/* Sends the answers still on their way, for up to seconds. */
static void drain(serve_http *http, double seconds)
{
    double until = now_s() + seconds;
    while (serve_http_open(http) > 0 && now_s() < until) {
        serve_http_run(http);
        struct pollfd p = {.fd = serve_http_fd(http), .events = POLLIN};
        poll(&p, 1, 20);
    }
}

int cmd_serve(int argc, char **argv)
{
    enum { OPT_QUEUE = 256, OPT_MAXBODY, OPT_TIMEOUT, OPT_MAXMEM, OPT_MAXPAGES, OPT_MAXCONN, OPT_IDLE, OPT_GRACE };
    static const struct option longopts[] = {{"listen", required_argument, NULL, 'l'},
                                             {"jobs", required_argument, NULL, 'j'},
                                             {"queue", required_argument, NULL, OPT_QUEUE},
                                             {"max-body", required_argument, NULL, OPT_MAXBODY},
                                             {"timeout", required_argument, NULL, OPT_TIMEOUT},
                                             {"max-mem", required_argument, NULL, OPT_MAXMEM},
                                             {"max-pages", required_argument, NULL, OPT_MAXPAGES},
                                             {"max-connections", required_argument, NULL, OPT_MAXCONN},
                                             {"idle-timeout", required_argument, NULL, OPT_IDLE},
                                             {"grace", required_argument, NULL, OPT_GRACE},
                                             {"set", required_argument, NULL, 'O'},
                                             {"quiet", no_argument, NULL, 'q'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    serve_options o = {.listen = DEFAULT_LISTEN,
                       .queue = 16,
                       .max_body = 100u << 20,
                       .max_connections = 64,
                       .idle_timeout = 30,
                       .grace = 10,
                       .lim = {.timeout = 120, .max_mem_mb = 2048, .max_pages = 2000}};
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    o.jobs = cores > 0 ? (unsigned)cores : 1;
    int c;
    double v;
    unsigned long n;
    optind = 1;
    while ((c = getopt_long(argc, argv, "l:j:O:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'l': o.listen = optarg; break;
        case 'j':
            if (!cli_option_whole("serve", "-j", optarg, NULL, 1, 256, &n)) return CLI_USAGE;
            o.jobs = (unsigned)n;
            break;
        case OPT_QUEUE:
            if (!cli_option_whole("serve", "--queue", optarg, NULL, 0, 4096, &n)) return CLI_USAGE;
            o.queue = (unsigned)n;
            break;
        case OPT_MAXBODY:
            if (!cli_option_number("serve", "--max-body", optarg, "MB", 0.001, 512, &v)) return CLI_USAGE;
            o.max_body = (size_t)(v * 1048576);
            break;
        case OPT_TIMEOUT:
            if (!cli_option_number("serve", "--timeout", optarg, "seconds", 0, 86400, &o.lim.timeout)) return CLI_USAGE;
            break;
        case OPT_MAXMEM:
            if (!cli_option_whole("serve", "--max-mem", optarg, "MB", 0, 10000000, &n)) return CLI_USAGE;
            o.lim.max_mem_mb = (size_t)n;
            break;
        case OPT_MAXPAGES:
            if (!cli_option_whole("serve", "--max-pages", optarg, NULL, 0, 1000000000, &n)) return CLI_USAGE;
            o.lim.max_pages = (int)n;
            break;
        case OPT_MAXCONN:
            if (!cli_option_whole("serve", "--max-connections", optarg, NULL, 1, 65536, &n)) return CLI_USAGE;
            o.max_connections = (unsigned)n;
            break;
        case OPT_IDLE:
            if (!cli_option_whole("serve", "--idle-timeout", optarg, "seconds", 1, 86400, &n)) return CLI_USAGE;
            o.idle_timeout = (unsigned)n;
            break;
        case OPT_GRACE:
            if (!cli_option_number("serve", "--grace", optarg, "seconds", 0, 3600, &o.grace)) return CLI_USAGE;
            break;
        case 'O':
            if (o.nsets == SERVE_MAX_SETS) {
                fprintf(stderr, "samla serve: at most %d -O options\n", SERVE_MAX_SETS);
                return CLI_USAGE;
            }
            o.sets[o.nsets++] = optarg;
            break;
        case 'q': o.quiet = true; break;
        case 'h': serve_usage(stdout); return CLI_OK;
        default: serve_usage(stderr); return CLI_USAGE;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "samla serve: unexpected argument '%s'\n", argv[optind]);
        return CLI_USAGE;
    }
    if (o.max_connections < o.jobs + o.queue)
        fprintf(stderr, "samla serve: warning: --max-connections %u is less than --jobs + --queue (%u)\n",
                o.max_connections, o.jobs + o.queue);

    /* SIGINT and SIGTERM arrive through a signalfd in the poll loop (blocked,
     * and so blocked in the workers too, which the dispatcher kills itself). */
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    sigprocmask(SIG_BLOCK, &stop_signals, NULL);
    signal(SIGPIPE, SIG_IGN);
    int sfd = signalfd(-1, &stop_signals, SFD_CLOEXEC | SFD_NONBLOCK);
    if (sfd < 0) {
        fprintf(stderr, "samla serve: signalfd: %s\n", strerror(errno));
        return CLI_USAGE;
    }

    serve_catalog cat;
    serve_dispatch *disp = NULL;
    serve_http *http = NULL;
    int rc = CLI_USAGE;
    if (serve_catalog_load(&cat, &o)) {
        disp = serve_dispatch_new(&cat, &o);
        http = disp ? serve_http_start(&cat, disp, &o) : NULL;
        if (http) {
            fprintf(stderr, "samla serve: listening on %s (%zu pipelines; %u jobs, queue %u)\n", serve_http_url(http),
                    cat.pipelines.count, o.jobs, o.queue);
            fflush(stderr);
            serve_loop(http, disp, &o, sfd);
            rc = CLI_OK;
        }
        serve_dispatch_free(disp); /* answers what still runs: every connection resumed */
        if (http) drain(http, 5);
        serve_http_stop(http);
        serve_catalog_clear(&cat);
    }
    close(sfd);
    if (rc == CLI_OK) fprintf(stderr, "samla serve: stopped\n");
    return rc;
}
