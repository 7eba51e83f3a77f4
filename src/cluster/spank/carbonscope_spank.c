/* carbonscope_spank.so: a SPANK plugin that, for a step run with `--carbonscope` (or
 * every step, with `default=on` in plugstack.conf), starts `carbonscope monitor` on each
 * node for the step's life, tagged slurm_job / slurm_step / slurm_node so that
 * `carbonscope slurm job JOBID` merges the nodes' records into one run.
 * plugstack.conf: optional /path/carbonscope_spank.so [carbonscope=/path/carbonscope]
 *                 [ledger=/path/ledger.db] [output_dir=/var/tmp/carbonscope] [default=on]
 * Runs in slurmstepd (remote context), as root: started at the first task's post-fork,
 * stopped (SIGINT, so it writes its record) at the step's exit. C, so that spank.h's
 * declarations link as Slurm expects. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <slurm/slurm.h>
#include <slurm/spank.h>

SPANK_PLUGIN(carbonscope, 1);

static int enabled = 0;
static char program[4096] = "carbonscope";
static char ledger[4096] = "";
static char output_dir[4096] = "/var/tmp/carbonscope-spank";
static pid_t tracker = -1;

static int on_option(int val, const char *optarg, int remote) {
  (void)val;
  (void)optarg;
  (void)remote;
  enabled = 1;
  return 0;
}

struct spank_option spank_options[] = {
    {"carbonscope", NULL, "Track this job's energy and emissions with carbonscope on every node", 0, 0,
     on_option},
    SPANK_OPTIONS_TABLE_END};

static void copy_arg(char *dst, size_t size, const char *value) { snprintf(dst, size, "%s", value); }

static void read_args(int ac, char **av) {
  for (int i = 0; i < ac; ++i) {
    if (strncmp(av[i], "carbonscope=", 12) == 0)
      copy_arg(program, sizeof program, av[i] + 12);
    else if (strncmp(av[i], "ledger=", 7) == 0)
      copy_arg(ledger, sizeof ledger, av[i] + 7);
    else if (strncmp(av[i], "output_dir=", 11) == 0)
      copy_arg(output_dir, sizeof output_dir, av[i] + 11);
    else if (strcmp(av[i], "default=on") == 0)
      enabled = 1;
    else
      slurm_error(
          "carbonscope: unknown plugstack argument '%s' (carbonscope=, ledger=, output_dir=, default=on)",
          av[i]);
  }
}

int slurm_spank_init(spank_t sp, int ac, char **av) {
  (void)sp;
  read_args(ac, av);
  return 0;
}

static void step_name(uint32_t step, char *out, size_t size) {
  if (step == SLURM_BATCH_SCRIPT)
    snprintf(out, size, "batch");
  else if (step == SLURM_EXTERN_CONT)
    snprintf(out, size, "extern");
  else if (step == SLURM_INTERACTIVE_STEP)
    snprintf(out, size, "interactive");
  else
    snprintf(out, size, "%u", step);
}

int slurm_spank_task_post_fork(spank_t sp, int ac, char **av) {
  (void)ac;
  (void)av;
  if (!spank_remote(sp) || tracker > 0) return 0;
  char *optarg = NULL;
  if (!enabled && spank_option_getopt(sp, &spank_options[0], &optarg) != ESPANK_SUCCESS) return 0;
  uint32_t job = 0, step = 0, node_id = 0, array_job = 0, array_task = 0;
  spank_get_item(sp, S_JOB_ID, &job);
  spank_get_item(sp, S_JOB_STEPID, &step);
  spank_get_item(sp, S_JOB_NODEID, &node_id);
  if (spank_get_item(sp, S_JOB_ARRAY_ID, &array_job) != ESPANK_SUCCESS) array_job = 0;
  if (array_job != 0 && spank_get_item(sp, S_JOB_ARRAY_TASK_ID, &array_task) != ESPANK_SUCCESS) array_job = 0;
  if (array_task == NO_VAL || array_task == INFINITE) array_job = 0; /* not an array task */
  char node[256];
  /* The node's Slurm name (in multiple-slurmd mode every node has the same hostname). */
  const char *own = getenv("SLURMD_NODENAME");
  if (spank_getenv(sp, "SLURMD_NODENAME", node, sizeof node) != ESPANK_SUCCESS) {
    if (own != NULL)
      snprintf(node, sizeof node, "%s", own);
    else
      snprintf(node, sizeof node, "node%u", node_id);
  }
  char job_tag[128], step_tag[128], node_tag[300], steps[32];
  if (array_job != 0)
    snprintf(job_tag, sizeof job_tag, "slurm_job=%u_%u", array_job, array_task);
  else
    snprintf(job_tag, sizeof job_tag, "slurm_job=%u", job);
  step_name(step, steps, sizeof steps);
  snprintf(step_tag, sizeof step_tag, "slurm_step=%s", steps);
  snprintf(node_tag, sizeof node_tag, "slurm_node=%s", node);
  /* Double fork: the tracker is reparented away from slurmstepd, so the step's process
   * tracking (which kills every descendant when the step ends) leaves it to stop on
   * its own, by our SIGINT, and write its record. */
  int fds[2];
  if (pipe(fds) != 0) {
    slurm_error("carbonscope: cannot start the tracker: pipe: %s", strerror(errno));
    return 0; /* never fail the job for its tracker */
  }
  const pid_t middle = fork();
  if (middle < 0) {
    slurm_error("carbonscope: cannot start the tracker: fork: %s", strerror(errno));
    close(fds[0]);
    close(fds[1]);
    return 0;
  }
  if (middle == 0) {
    close(fds[0]);
    setsid();
    const pid_t pid = fork();
    if (pid != 0) {
      if (write(fds[1], &pid, sizeof pid) != (ssize_t)sizeof pid) _exit(1);
      _exit(0);
    }
    close(fds[1]);
    const int null = open("/dev/null", O_RDWR);
    if (null >= 0) {
      dup2(null, 0);
      dup2(null, 1);
      dup2(null, 2);
    }
    /* Hold none of slurmstepd's descriptors: its I/O sockets would keep the step open. */
    for (int fd = 3; fd < 4096; ++fd) close(fd);
    /* The tags are given: the monitor must not add its own from slurmstepd's environment. */
    unsetenv("SLURM_JOB_ID");
    unsetenv("SLURM_JOBID");
    unsetenv("SLURM_STEP_ID");
    unsetenv("SLURM_STEPID");
    char *args[24];
    int n = 0;
    args[n++] = program;
    args[n++] = "monitor";
    args[n++] = "--quiet";
    args[n++] = "--interval";
    args[n++] = "200ms";
    args[n++] = "--tag";
    args[n++] = job_tag;
    args[n++] = "--tag";
    args[n++] = step_tag;
    args[n++] = "--tag";
    args[n++] = node_tag;
    args[n++] = "--tag";
    args[n++] = "slurm_tracker=spank";
    args[n++] = "--output-dir";
    args[n++] = output_dir;
    if (ledger[0] != '\0') {
      args[n++] = "--ledger";
      args[n++] = ledger;
    }
    args[n] = NULL;
    execvp(program, args);
    _exit(127);
  }
  close(fds[1]);
  pid_t pid = -1;
  if (read(fds[0], &pid, sizeof pid) != (ssize_t)sizeof pid) pid = -1;
  close(fds[0]);
  waitpid(middle, NULL, 0);
  if (pid <= 0) {
    slurm_error("carbonscope: the tracker did not start");
    return 0;
  }
  tracker = pid;
  slurm_info("carbonscope: tracking %s %s on %s (pid %d)", job_tag, step_tag, node, (int)pid);
  return 0;
}

/* Alive and not a zombie (its new parent may never reap it). */
static int running(pid_t pid) {
  if (kill(pid, 0) != 0 && errno == ESRCH) return 0;
  char path[64], buf[256];
  snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
  FILE *f = fopen(path, "r");
  if (f == NULL) return 0;
  const size_t n = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  buf[n] = '\0';
  const char *close_paren = strrchr(buf, ')');
  return !(close_paren != NULL && close_paren[1] == ' ' && (close_paren[2] == 'Z' || close_paren[2] == 'X'));
}

int slurm_spank_exit(spank_t sp, int ac, char **av) {
  (void)ac;
  (void)av;
  if (!spank_remote(sp) || tracker <= 0) return 0;
  kill(tracker, SIGINT);
  /* Up to 10 s for the monitor to write its record, then it is killed. */
  for (int i = 0; i < 200; ++i) {
    if (!running(tracker)) {
      tracker = -1;
      return 0;
    }
    struct timespec ts = {0, 50 * 1000 * 1000};
    nanosleep(&ts, NULL);
  }
  slurm_error(
      "carbonscope: the tracker (pid %d) did not stop within 10 s: killed; its record may be incomplete",
      (int)tracker);
  kill(tracker, SIGKILL);
  tracker = -1;
  return 0;
}
