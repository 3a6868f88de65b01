#!/usr/bin/env python3
"""Side-by-side build benchmark: wegwijzer against Hugo and Eleventy on the same synthetic corpus.

Normally started through run.sh, which installs Hugo, GNU time, Node.js and Eleventy first. Python 3
standard library only. See README.md in this folder for what is measured and how to read the output.

usage: bench.py [--pages 1000,10000] [--rounds 5] [--disk DIR] [--smoke] [--scale]
                [--sections N] [--wegwijzer PATH] [--work DIR] [--jobs 2]
"""
import argparse
import collections
import ctypes.util
import datetime
import hashlib
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
# make-corpus.py and the Hugo theme live in the shared folder beside the repository.
SHARED_BENCH = os.path.join(
    os.environ.get("WEGWIJZER_SHARED_DIR", os.path.join(os.path.dirname(REPO), "shared")), "bench")
MAKE_CORPUS = os.path.join(SHARED_BENCH, "make-corpus.py")
HUGO_THEME = os.path.join(SHARED_BENCH, "hugo-theme")
TEMPLATES = os.path.join(HERE, "templates")
ELEVENTY_DIR = os.path.join(HERE, "eleventy")
ELEVENTY_SITE = os.path.join(ELEVENTY_DIR, "site")
ELEVENTY_CMD = os.path.join(ELEVENTY_DIR, "node_modules", "@11ty", "eleventy", "cmd.cjs")
FLOOR_SOURCE = os.path.join(HERE, "floor.c")
WRITE_FLOOR_SOURCE = os.path.join(HERE, "write_floor.c")
MD4C_FLOOR_SOURCE = os.path.join(HERE, "md4c_floor.c")
PIPELINE_FLOOR_SOURCE = os.path.join(HERE, "pipeline_floor.c")
FIRST_TOUCH_SOURCE = os.path.join(HERE, "first_touch.c")
FIRST_TOUCH_MB = 100          # about what wegwijzer holds at 10,000 pages
FIRST_TOUCH_IDLE_S = 5        # long enough for freed memory to go back to the host here
GNU_TIME = "/usr/bin/time"
TMPFS = "/dev/shm"
STAGES = ("load", "resolve", "markdown", "templates", "write", "check")
SMOKE_PAGES = 200
SCALE_PAGES = 100_000
# Sizes from this one up are "scale" sizes: wegwijzer --jobs N only (the peers need gigabytes and
# minutes there), compared per page with the 10,000-page run.
SCALE_FROM = 50_000
REFERENCE_PAGES = 10_000
# The footer of the shared Hugo theme names the 113 helpline's number; the same bytes in
# wegwijzer's copy of that theme must be allowed, since a real site takes numbers from its data.
WEGWIJZER_YAML = ('title: "GGZ Wegwijzer"\nbase_url: "https://example.org/"\nlanguage: "nl"\n'
                  'allowed_literals: ["0800-0113"]\n')

# Targets (informational: they never change the exit status). At 10,000 pages, medians of one run:
TARGET_HUGO_RATIO = 15.0      # Hugo / wegwijzer --jobs N, wall, at least
TARGET_IDEAL_RATIO = 1.2      # wegwijzer --jobs N / ideal, wall, at most
TARGET_SPEEDUP = 1.8          # wegwijzer --jobs 1 / --jobs N, wall, at least
TARGET_RSS_RATIO = 0.1        # wegwijzer peak RSS / Hugo's, at most
# At 100,000 pages (scale sizes), wegwijzer --jobs N:
TARGET_SCALE_RSS_MB = 1024    # peak RSS, at most
TARGET_SCALE_KB_PAGE = 10.0   # peak RSS per page, at most
TARGET_LINEAR = 1.25          # ms/page and KB/page at the scale size / at 10,000 pages, at most


def log(msg=""):
    print(msg, flush=True)


def fail(msg):
    print(f"FAIL: {msg}", flush=True)


class Measurement:
    def __init__(self, ok, wall, rss_kb, cpu, stdout, stderr, code):
        self.ok, self.wall, self.rss_kb, self.cpu = ok, wall, rss_kb, cpu
        self.stdout, self.stderr, self.code = stdout, stderr, code


def measure(cmd, cwd=None, env=None):
    """Runs cmd; returns wall s, peak RSS KB and user+sys CPU s, from GNU time when installed
    (as asked for the benchmark) and otherwise from wait4() on the child."""
    if os.access(GNU_TIME, os.X_OK):
        time_file = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"bench-time-{os.getpid()}.txt")
        proc = subprocess.run([GNU_TIME, "-f", "%e %M %U %S", "-o", time_file] + cmd, cwd=cwd,
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        with open(time_file) as f:
            last = f.read().strip().splitlines()[-1].split()
        os.unlink(time_file)
        wall, rss, user, system = float(last[0]), int(last[1]), float(last[2]), float(last[3])
        return Measurement(proc.returncode == 0, wall, rss, user + system, proc.stdout, proc.stderr,
                           proc.returncode)
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.monotonic()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - start
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Measurement(code == 0, wall, usage.ru_maxrss, usage.ru_utime + usage.ru_stime,
                           out.read(), err.read(), code)


def median(values):
    return statistics.median(values) if values else float("nan")


def parse_timings(text):
    stages = {}
    for line in text.splitlines():
        m = re.match(r"^\s*([a-z]+)\s+([0-9.]+)\s*ms\s*$", line)
        if m:
            stages[m.group(1)] = float(m.group(2))
    return stages


def load_average():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "?"


def mem_available_mb():
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("inf")


def source_revision():
    """The checked-out commit, read from .git without running git."""
    git = os.path.join(REPO, ".git")
    try:
        if os.path.isfile(git):  # a worktree: "gitdir: PATH"
            with open(git) as f:
                git = os.path.join(REPO, f.read().split(":", 1)[1].strip())
        with open(os.path.join(git, "HEAD")) as f:
            head = f.read().strip()
        if not head.startswith("ref: "):
            return head[:7]
        ref = head[5:]
        for base in (git, os.path.join(git, "commondir")):
            path = os.path.join(base, ref)
            if os.path.isfile(path):
                with open(path) as f:
                    return f.read().strip()[:7]
        with open(os.path.join(git, "packed-refs")) as f:
            for line in f:
                if line.strip().endswith(" " + ref):
                    return line.split()[0][:7]
    except (OSError, IndexError):
        pass
    return "?"


def remove_tree(path):
    """rm -rf: noticeably quicker than shutil.rmtree on 100,000 folders."""
    if os.path.lexists(path):
        subprocess.run(["rm", "-rf", "--", path], check=False)


class Outputs:
    """Where the built sites go: a fresh folder on tmpfs (default) or under --disk DIR.

    On disk, built sites are moved aside instead of deleted between builds, and deleted once a
    size is done: ext4 without a journal (as on these machines) skips inodes freed in the last
    minute or more when it allocates new ones, one by one, so a build right after deleting a
    20,000-file site spends seconds in the kernel; that would measure the benchmark's own cleanup,
    not the tools. tmpfs has no such cost (and the retired sites would take memory), so there they
    are deleted at once, before the next build starts."""

    def __init__(self, disk_dir):
        self.disk = disk_dir is not None
        self.kind = "the disk folder" if self.disk else "tmpfs"
        parent = os.path.abspath(disk_dir) if self.disk else TMPFS
        os.makedirs(parent, exist_ok=True)
        self.root = tempfile.mkdtemp(prefix="wegwijzer-bench-", dir=parent)
        self.trash = os.path.join(self.root, "retired")
        self.count = 0

    def path(self, name):
        return os.path.join(self.root, name)

    def discard(self, path):
        if not os.path.lexists(path):
            return
        if self.disk:
            os.makedirs(self.trash, exist_ok=True)
            self.count += 1
            os.rename(path, os.path.join(self.trash, f"{self.count}-{os.path.basename(path)}"))
        else:
            remove_tree(path)

    def empty_trash(self):
        remove_tree(self.trash)

    def close(self, keep=False):
        self.empty_trash()
        if not keep:
            remove_tree(self.root)


def count_pages(root):
    """index.html files in a built site: one per Markdown file for every tool."""
    return sum(1 for _, _, names in os.walk(root) for n in names if n == "index.html")


def tree_stats(root):
    files = size = 0
    for dirpath, _, names in os.walk(root):
        for n in names:
            files += 1
            size += os.path.getsize(os.path.join(dirpath, n))
    return files, size


# ---------------------------------------------------------------------------------------------
# Setup


def find_wegwijzer(args):
    if args.wegwijzer:
        return os.path.abspath(args.wegwijzer)
    if os.environ.get("WEGWIJZER"):
        return os.path.abspath(os.environ["WEGWIJZER"])
    # A Release build of its own, so the figures never come from a debug or sanitizer build.
    build = os.path.join(REPO, "build-bench")
    log(f"Building wegwijzer (Release) in {build} ...")
    subprocess.run(["cmake", "-S", REPO, "-B", build, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release"],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", build, "--target", "wegwijzer", "-j", "2"], check=True,
                   stdout=subprocess.DEVNULL)
    return os.path.join(build, "generator", "wegwijzer")


def find_eleventy(args):
    """(node, version) when Eleventy can run, else (None, reason)."""
    if args.no_eleventy:
        return None, "--no-eleventy"
    node = shutil.which(args.node)
    if node is None:
        return None, "node is not installed (run.sh without --smoke installs it)"
    if not os.path.isfile(ELEVENTY_CMD):
        return None, (f"{os.path.relpath(ELEVENTY_CMD, REPO)} is missing (run.sh installs it with "
                      "npm ci)")
    version = subprocess.run([node, ELEVENTY_CMD, "--version"], capture_output=True,
                             text=True).stdout.strip()
    node_version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout
    return node, f"Eleventy {version or '?'}, node {node_version.strip() or '?'}"


def corpus_sections(pages, sections):
    """make-corpus.py's default is one section per 100 pages; None stands for that."""
    if sections is None or sections == max(1, pages // 100):
        return None
    return sections


def make_site(work, pages, sections=None):
    """work/site-N holds the corpus (content/) and every tool's configuration: Hugo reads layouts/
    and hugo.toml, wegwijzer templates/ and wegwijzer.yaml, Eleventy eleventy/ (passed with
    --config). None of them looks at the others' files, so all build exactly the same content/."""
    sections = corpus_sections(pages, sections)
    site = os.path.join(work, f"site-{pages}" + (f"-s{sections}" if sections else ""))
    with open(MAKE_CORPUS, "rb") as f:
        stamp = hashlib.sha256(f.read() + f"{pages} {sections}".encode()).hexdigest()
    stamp_file = os.path.join(site, ".corpus-stamp")
    generated = None
    if not (os.path.exists(stamp_file) and open(stamp_file).read() == stamp):
        remove_tree(site)
        start = time.monotonic()
        subprocess.run([sys.executable, MAKE_CORPUS, site, str(pages)] +
                       ([str(sections)] if sections else []), check=True)
        generated = time.monotonic() - start
        with open(stamp_file, "w") as f:
            f.write(stamp)
    for name in ("layouts", "templates", "eleventy"):
        shutil.rmtree(os.path.join(site, name), ignore_errors=True)
    shutil.copytree(os.path.join(HUGO_THEME, "layouts"), os.path.join(site, "layouts"))
    shutil.copy(os.path.join(HUGO_THEME, "hugo.toml"), os.path.join(site, "hugo.toml"))
    shutil.copytree(TEMPLATES, os.path.join(site, "templates"))
    shutil.copytree(ELEVENTY_SITE, os.path.join(site, "eleventy"))
    with open(os.path.join(site, "wegwijzer.yaml"), "w") as f:
        f.write(WEGWIJZER_YAML)
    files, size = tree_stats(os.path.join(site, "content"))
    return site, files, size, generated


def compile_c(source, binary, flags=()):
    """cc -O2 SOURCE -o BINARY FLAGS; returns the binary or None with a reason."""
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        return None, "no C compiler"
    proc = subprocess.run([cc, "-std=c11", "-O2", "-o", binary, source, *flags],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        return None, f"{os.path.basename(source)} did not compile: " + proc.stderr.strip()[:400]
    return binary, None


def build_with_package(source, binary, package, debian_package, extra=()):
    """Compiles `source` against a pkg-config package; returns the binary or None with a reason."""
    try:
        flags = subprocess.run(["pkg-config", "--cflags", "--libs", package], check=True,
                               capture_output=True, text=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        return None, f"pkg-config {package} not found ({debian_package})"
    return compile_c(source, binary, flags + list(extra))


def build_floor(work, source=FLOOR_SOURCE, name="floor"):
    """Compiles a floor that uses libcmark-gfm (floor.c, or pipeline_floor.c); returns the binary
    or None with a reason."""
    return build_with_package(source, os.path.join(work, name), "libcmark-gfm",
                              "libcmark-gfm-dev", ["-lcmark-gfm-extensions", "-pthread"])


def build_md4c_floor(work):
    """Compiles md4c_floor.c against md4c's HTML renderer; the binary or None with a reason."""
    return build_with_package(MD4C_FLOOR_SOURCE, os.path.join(work, "md4c_floor"), "md4c-html",
                              "libmd4c-dev and libmd4c-html0-dev")


def figures(text):
    """The key=value pairs floor and write_floor print, as numbers."""
    return {k: float(v) for k, v in re.findall(r"(\w+)=([0-9.]+)", text)}


def median_figures(runs):
    """The median of each figure over the runs, with its smallest and largest value as
    "<figure>_min" and "<figure>_max"."""
    out = {k: median([r[k] for r in runs]) for k in runs[0]}
    for k in runs[0]:
        out[k + "_min"], out[k + "_max"] = min(r[k] for r in runs), max(r[k] for r in runs)
    return out


def cores(args):
    return max(1, min(args.jobs, os.cpu_count() or 1))


def ideal_s(floor, write_floor, n_cores):
    """The floor's parsing and rendering plus the write floor's writing, spread over the cores
    without a pause: what a build doing nothing else would take."""
    return (floor["total_cpu_ms"] + write_floor["user_ms"] + write_floor["sys_ms"]) / n_cores / 1000


def floor_walls(figures_by_floor):
    """The floors' wall times (ms) on one thread and on --jobs threads, as two dicts by part
    (reading, parsing and rendering, writing); None unless all four runs are there."""
    runs = [figures_by_floor.get(k) for k in ("floor", "floor_jobs", "write_floor_1", "write_floor")]
    if not all(runs):
        return None
    f1, fj, w1, wj = runs
    return ({"read": f1["read_wall_ms"], "cmark-gfm": f1["wall_ms"], "write": w1["wall_ms"]},
            {"read": fj["read_wall_ms"], "cmark-gfm": fj["wall_ms"], "write": wj["wall_ms"]})


def write_floor_listing(built, work):
    """The folders and files of the built site `built` (names and sizes), for write_floor.c."""
    listing = os.path.join(work, "write-floor-files.txt")
    with open(listing, "w") as f:
        def walk(rel):
            for name in sorted(os.listdir(os.path.join(built, rel))):
                path = os.path.join(rel, name) if rel else name
                full = os.path.join(built, path)
                if os.path.isdir(full):
                    f.write(f"d {path}\n")
                    walk(path)
                else:
                    f.write(f"f {os.path.getsize(full)} {path}\n")
        walk("")
    return listing


def markdown_listing(site, work):
    """Every Markdown file of the corpus, for floor.c and md4c_floor.c."""
    listing = os.path.join(work, f"floor-files-{os.path.basename(site)}.txt")
    with open(listing, "w") as f:
        for dirpath, _, names in sorted(os.walk(os.path.join(site, "content"))):
            for n in sorted(names):
                if n.endswith(".md"):
                    f.write(os.path.join(dirpath, n) + "\n")
    return listing


def sha256_cpu_ms(built):
    """The CPU time SHA-256 takes over every file of the built site `built` (reading left out):
    the hashing wegwijzer does for its manifest.sha256, which no floor and no peer does. Python's
    hashlib uses the same OpenSSL as wegwijzer."""
    spent, total = 0.0, 0
    for dirpath, _, names in os.walk(built):
        for name in names:
            with open(os.path.join(dirpath, name), "rb") as f:
                data = f.read()
            start = time.process_time()
            hashlib.sha256(data).digest()
            spent += time.process_time() - start
            total += len(data)
    return {"cpu_ms": spent * 1000, "bytes": total}


def log_first_touch(binary):
    """What memory touched for the first time costs on this machine at the start of the run:
    straight after another process freed as much, and after a few idle seconds. On a virtual
    machine that hands free memory back to its host, the second can be many times the first, and
    every build pays it for the memory it holds, which no floor does."""
    def once():
        out = subprocess.run([binary, str(FIRST_TOUCH_MB)], check=True, capture_output=True,
                             text=True).stdout
        return figures(out)["ms"]
    once()  # frees the memory the next ones take
    freed = min(once(), once())
    time.sleep(FIRST_TOUCH_IDLE_S)
    idle = once()
    log(f"memory: first touch of {FIRST_TOUCH_MB} MB in 2 MB pages took {freed:.0f} ms straight "
        f"after another process freed as much, {idle:.0f} ms after {FIRST_TOUCH_IDLE_S} s idle "
        f"(first_touch.c)")


class FloorRuns:
    """The floors, run once a round right after the tools. The ideal is then made of figures from
    the same minutes as the builds it is compared with: on a shared machine a floor measured
    apart, in a quiet or a busy spell, would move the ratio by itself."""

    def __init__(self, binaries, site, work, outputs, jobs):
        self.floor, self.write_floor, self.md4c_floor, self.pipeline_floor = binaries
        self.work, self.outputs, self.jobs = work, outputs, jobs
        self.markdown = markdown_listing(site, work) if any(
            (self.floor, self.md4c_floor, self.pipeline_floor)) else None
        self.written = None  # the write floor's listing, from the first build of the size
        self.samples = {name: [] for name in ("floor", "floor_jobs", "floor_mimalloc", "md4c_floor",
                                              "write_floor", "write_floor_1", "pipeline_floor",
                                              "pipeline_floor_1", "sha256")}
        # wegwijzer's allocator, for the floor once more with it (None where it is missing).
        self.mimalloc = ctypes.util.find_library("mimalloc")

    def run_round(self, rnd, built):
        """Runs each floor once; `built` is a wegwijzer output of this size, None if none. With
        --jobs above 1 the cmark-gfm and write floors run on one thread as well, to measure how
        far their work speeds up on this machine's cores."""
        if self.floor:
            runs = {t: self.figures([self.floor, self.markdown, str(t)])
                    for t in self.thread_counts(rnd)}
            self.samples["floor"].append(runs[1])
            if self.jobs > 1:
                if runs[self.jobs]["html_bytes"] != runs[1]["html_bytes"]:
                    fail(f"the cmark-gfm floor wrote other HTML on {self.jobs} threads")
                self.samples["floor_jobs"].append(runs[self.jobs])
            if self.mimalloc:
                self.samples["floor_mimalloc"].append(self.figures(
                    [self.floor, self.markdown], {**os.environ, "LD_PRELOAD": self.mimalloc}))
        if self.md4c_floor:
            self.samples["md4c_floor"].append(self.figures([self.md4c_floor, self.markdown]))
        if self.write_floor and built:
            self.written = self.written or write_floor_listing(built, self.work)
            runs = {t: self.run_write_floor(f"{rnd}-{t}", t) for t in self.thread_counts(rnd)}
            self.samples["write_floor"].append(runs[self.jobs])
            if self.jobs > 1:
                self.samples["write_floor_1"].append(runs[1])
        if self.pipeline_floor and built:
            self.run_pipeline_floors(rnd, built)
        if built:
            self.samples["sha256"].append(sha256_cpu_ms(built))
        self.log_round()

    def run_pipeline_floors(self, rnd, built):
        """The pipeline floor on one thread and on --jobs threads, in the order of the others."""
        self.written = self.written or write_floor_listing(built, self.work)
        runs = {t: self.run_pipeline_floor(f"{rnd}-{t}", t) for t in self.thread_counts(rnd)}
        cmark = self.samples["floor"][-1] if self.samples["floor"] else None
        for run in runs.values():
            # With a page for every Markdown file, each body is rendered once: floor.c's HTML.
            if cmark and run["pages"] == cmark["files"] and run["html_bytes"] != cmark["html_bytes"]:
                fail("the pipeline floor rendered other HTML than the cmark-gfm floor")
        self.samples["pipeline_floor"].append(runs[self.jobs])
        if self.jobs > 1:
            self.samples["pipeline_floor_1"].append(runs[1])

    def run_pipeline_floor(self, name, threads):
        """pipeline_floor.c once on `threads` threads, on the same file system as the builds,
        timed from outside as they are and with wegwijzer's allocator where it is installed: its
        figures, with the process's wall time as "ext_wall_ms"."""
        out = self.outputs.path(f"pipeline-floor-{name}")
        os.sync()
        env = {**os.environ, "LD_PRELOAD": self.mimalloc} if self.mimalloc else None
        cmd = [self.pipeline_floor, self.markdown, self.written, out, str(threads)]
        m = measure(cmd, env=env)
        self.outputs.discard(out)
        if not m.ok:
            raise subprocess.CalledProcessError(m.code, cmd, m.stdout, m.stderr)
        return {**figures(m.stdout), "ext_wall_ms": m.wall * 1000}

    def thread_counts(self, rnd):
        """1 and --jobs, each first in every other round: the run that comes first meets memory
        the machine may have handed back to its host, the second the memory the first freed."""
        counts = [1, self.jobs] if self.jobs > 1 else [1]
        return counts if rnd % 2 else counts[::-1]

    def run_write_floor(self, name, threads):
        """Creates the build's files again on `threads` threads, on the same file system as the
        builds; the write floor's figures."""
        out = self.outputs.path(f"write-floor-{name}")
        os.sync()
        run = self.figures([self.write_floor, self.written, out, str(threads)])
        self.outputs.discard(out)
        return run

    @staticmethod
    def figures(cmd, env=None):
        return figures(subprocess.run(cmd, check=True, capture_output=True, text=True,
                                      env=env).stdout)

    def log_round(self):
        last = {name: runs[-1] for name, runs in self.samples.items() if runs}
        parts = [f"{label} {last[name]['total_cpu_ms']:.0f} ms"
                 for name, label in (("floor", "cmark-gfm"), ("md4c_floor", "md4c")) if name in last]
        if "write_floor" in last:
            w = last["write_floor"]
            parts.append(f"write {w['user_ms'] + w['sys_ms']:.0f} ms")
        if "sha256" in last:
            parts.append(f"SHA-256 of the output {last['sha256']['cpu_ms']:.0f} ms")
        if parts:
            log(f"    {'floors, CPU':15s} " + ", ".join(parts))
        walls = floor_walls(last)
        if walls:
            one, many = walls
            log(f"    {'floors, wall':15s} 1 -> {self.jobs} threads: " +
                ", ".join(f"{part} {one[part]:.0f} -> {many[part]:.0f} ms" for part in one))
        if "pipeline_floor" in last:
            pf, pf1 = last["pipeline_floor"], last.get("pipeline_floor_1")
            walls = f"{pf1['ext_wall_ms']:.0f} -> " if pf1 else ""
            log(f"    {'pipeline floor':15s} {'1 -> ' if pf1 else ''}{self.jobs} threads: "
                f"{walls}{pf['ext_wall_ms']:.0f} ms")

    def medians(self):
        return {name: median_figures(runs) for name, runs in self.samples.items() if runs}


# ---------------------------------------------------------------------------------------------
# Same pages from every tool

MAIN_RE = re.compile(r'<main id="main">(.*)</main>', re.S)
MENU_RE = re.compile(r'<nav aria-label="Hoofdmenu"><ul>(.*?)</ul></nav>', re.S)
CRUMB_RE = re.compile(r'<nav aria-label="Kruimelpad"><ol>(.*?)</ol></nav>', re.S)
LIST_RE = re.compile(r'<ul>((?:<li><a href="[^"]*">[^<]*</a>[^<]*</li>)*)</ul>\s*</main>')
LINK_RE = re.compile(r'<a href="([^"]*)">([^<]*)</a>')
TAG_RE = re.compile(r"<([a-z][a-z0-9]*)\b")


def page_shape(html):
    """What must be the same in every tool's copy of a page: title, description, the menu and the
    children list as sets of links (Hugo orders weight 0 last, the others first), the breadcrumb
    in order, and how many of each element the page's main part has (the Markdown renderers differ
    only in heading ids)."""
    def grab(regex, text=html):
        m = regex.search(text)
        return m.group(1) if m else None

    main = grab(MAIN_RE) or ""
    return {
        "title": grab(re.compile(r"<title>(.*?)</title>")),
        "description": grab(re.compile(r'<meta name="description" content="([^"]*)">')),
        "menu": sorted(LINK_RE.findall(grab(MENU_RE) or "")),
        "breadcrumb": LINK_RE.findall(grab(CRUMB_RE) or "") +
                      re.findall(r'<li aria-current="page">([^<]*)</li>', grab(CRUMB_RE) or ""),
        "list": sorted(LINK_RE.findall(grab(LIST_RE, main + "</main>") or "")),
        "elements": sorted(collections.Counter(TAG_RE.findall(main)).items()),
    }


def sample_pages(site, count=12):
    """URL paths of the home page, two section pages and `count` pages spread over the corpus."""
    content = os.path.join(site, "content")
    sections = sorted(d for d in os.listdir(content) if os.path.isdir(os.path.join(content, d)))
    pages = []
    for sec in sections:
        pages.extend(f"{sec}/{n[:-3]}" for n in sorted(os.listdir(os.path.join(content, sec)))
                     if n.endswith(".md") and n != "_index.md")
    step = max(1, len(pages) // count)
    return [""] + sections[:1] + sections[-1:] + pages[::step][:count]


def compare_shapes(site, outputs):
    """Compares sample pages of every tool's output with the first tool's; returns problems."""
    names = list(outputs)
    problems = []
    for rel in sample_pages(site):
        shapes = {}
        for name in names:
            path = os.path.join(outputs[name], rel, "index.html")
            try:
                with open(path, encoding="utf-8") as f:
                    shapes[name] = page_shape(f.read())
            except OSError:
                problems.append(f"{name}: /{rel} has no index.html")
        ref_name = names[0]
        ref = shapes.get(ref_name)
        for name, shape in shapes.items():
            if ref is None or name == ref_name:
                continue
            for key in ref:
                if shape[key] != ref[key]:
                    problems.append(f"/{rel}: {key} of {name} differs from {ref_name}'s: "
                                    f"{str(shape[key])[:200]} vs {str(ref[key])[:200]}")
    return problems


# ---------------------------------------------------------------------------------------------
# Benchmark


class Tool:
    def __init__(self, name, command, cwd=None):
        self.name, self.command, self.cwd = name, command, cwd


def make_tools(site, args, wegwijzer, hugo, node, scale):
    def ww(jobs):
        return lambda out: [wegwijzer, "build", "--source", site, "--output", out, "--jobs",
                            str(jobs), "--timings", "--quiet"]

    tools = [Tool(f"wegwijzer -j{args.jobs}", ww(args.jobs))]
    if not scale:
        tools.append(Tool("wegwijzer -j1", ww(1)))
    if hugo:
        tools.append(Tool("hugo", lambda out: [hugo, "--quiet", "-s", site, "-d", out]))
    if node:
        tools.append(Tool("eleventy", lambda out: [
            # Paths relative to the site: with an absolute --input, Eleventy 3.1 takes the
            # folders above it into the pages' paths (/content/... instead of /...).
            node, ELEVENTY_CMD, "--quiet", "--config", "eleventy/eleventy.config.mjs",
            "--input", "content", "--output", out], cwd=site))
    return tools


def copy_corpus(work, pages, args, outputs):
    """Makes (or reuses) the corpus and copies it beside the outputs; its path and figures.
    Every tool reads that copy (tmpfs unless --disk): a corpus left in the page cache is not safe
    there, for a kernel that pages out cold memory on its own (DAMON's pageout, as on these
    machines) makes some builds read it from the disk again."""
    made, files, size, generated = make_site(work, pages, args.sections)
    note = f", generated in {generated:.1f} s" if generated is not None else ", reused"
    secs = args.sections or max(1, pages // 100)
    site = outputs.path(os.path.basename(made))
    remove_tree(site)
    shutil.copytree(made, site, symlinks=True)
    log(f"corpus {pages:,} pages in {secs} sections: {files:,} Markdown files, "
        f"{size / 1e6:.1f} MB{note}, copied to {outputs.kind}; load average {load_average()}")
    return site, files, size


def run_rounds(pages, rounds, tools, site, outputs, floor_runs, jn):
    """Every tool once a round, in rotating order, then the floors; the measurements by tool,
    each tool's last output, and whether every build succeeded."""
    kept = {}      # tool -> its last round's output, kept for the checks
    samples = {t.name: [] for t in tools}
    ok = True
    for rnd in range(rounds):
        # The order rotates every round, so neither a burst of load from elsewhere nor the
        # page cache left by the tool before favours one tool.
        order = tools[rnd % len(tools):] + tools[:rnd % len(tools)]
        log(f"  round {rnd + 1}/{rounds}: " + ", ".join(t.name for t in order) + ", floors")
        for tool in order:
            out = outputs.path(f"out-{pages}-{tool.name.replace(' ', '')}-{rnd}")
            if tool.name in kept:
                outputs.discard(kept.pop(tool.name))
            remove_tree(os.path.join(site, "resources"))  # Hugo's cache folder (a few folders)
            # On disk, the previous build's files are still being written back by the kernel's
            # flusher threads, on the same cores: let that finish outside the measurement.
            os.sync()
            m = measure(tool.command(out), cwd=tool.cwd)
            samples[tool.name].append(m)
            if not m.ok:
                fail(f"{tool.name} on {pages} pages exited with {m.code}\n{m.stderr[-2000:]}")
                ok = False
            kept[tool.name] = out
            log(f"    {tool.name:15s} {m.wall:7.2f} s  {m.rss_kb / 1024:8.1f} MB  "
                f"cpu {m.cpu:6.2f} s")
        floor_runs.run_round(rnd, kept.get(jn) if ok else None)
    return samples, kept, ok


def tool_medians(samples):
    medians = {}
    for name, ms in samples.items():
        walls = [m.wall for m in ms]
        medians[name] = {
            "wall": median(walls), "min": min(walls), "max": max(walls),
            "rss_mb": median([m.rss_kb for m in ms]) / 1024,
            "cpu": median([m.cpu for m in ms]),
            "stages": {s: median([parse_timings(m.stdout).get(s, float("nan")) for m in ms])
                       for s in STAGES} if name.startswith("wegwijzer") else None,
        }
    return medians


def check_outputs(result, site, kept, files, jn):
    """Checks on the last round's outputs: a page for every Markdown file from every tool, the
    same pages from every tool, and byte-identical --jobs 1 and --jobs N outputs."""
    pages, ok = result["pages"], True
    for name, out in kept.items():
        built = count_pages(out)
        result["page_counts"][name] = built
        if built != files:
            fail(f"{name} on {pages} pages wrote {built} pages for {files} Markdown files")
            ok = False
    problems = compare_shapes(site, kept)
    for p in problems[:20]:
        fail(f"different pages: {p}")
    result["shapes_checked"] = len(kept) > 1 and not problems
    if "wegwijzer -j1" in kept and ok and not problems:
        a, b = kept["wegwijzer -j1"], kept[jn]
        diff = subprocess.run(["diff", "-r", "-q", a, b], capture_output=True, text=True)
        result["identical"] = diff.returncode == 0
        result["diff"] = diff.stdout[:2000]
        result["out_files"] = tree_stats(b)[0]
        if not result["identical"]:
            fail(f"--jobs 1 and --jobs {jn.split('-j')[1]} outputs differ on {pages} pages:\n"
                 f"{result['diff']}")
    return ok and not problems and result.get("identical", True)


def run_size(pages, rounds, args, wegwijzer, peers, floors, work, outputs, scale=False):
    site, files, size = copy_corpus(work, pages, args, outputs)
    tools = make_tools(site, args, wegwijzer, peers.get("hugo"), peers.get("eleventy"), scale)
    jn = f"wegwijzer -j{args.jobs}"
    floor_runs = FloorRuns(floors, site, work, outputs, args.jobs)
    samples, kept, ok = run_rounds(pages, rounds, tools, site, outputs, floor_runs, jn)
    result = {"pages": pages, "files": files, "bytes": size, "tools": tool_medians(samples),
              "rounds": rounds, "scale": scale, "page_counts": {},
              # Each round's figures, for ratios taken within a round (report_size).
              "round_walls": {name: [m.wall for m in ms] for name, ms in samples.items()},
              "round_floors": {name: list(runs) for name, runs in floor_runs.samples.items()},
              "pipeline_floor_allocator": "mimalloc" if floor_runs.mimalloc else "glibc malloc"}
    ok = ok and check_outputs(result, site, kept, files, jn)
    result["ok"] = ok
    if ok:
        result.update(floor_runs.medians())
    if args.keep_output:
        log(f"  outputs kept: {', '.join(kept.values())}")
    else:
        for out in kept.values():
            outputs.discard(out)
    outputs.discard(site)
    outputs.empty_trash()
    return result


# ---------------------------------------------------------------------------------------------
# Report


def fmt(x, spec):
    if x is None or x != x:
        width = re.match(r"\d*", spec).group(0)
        return "n/a".rjust(int(width or 0))
    return format(x, spec)


def verdict(ok, judged=True):
    if not judged:
        return "info"
    return "PASS" if ok else "MISS"


def report_size(r, args, judged):
    jn = f"wegwijzer -j{args.jobs}"
    t = r["tools"]
    w = t[jn]
    log()
    log(f"== {r['pages']:,} pages ({r['files']:,} Markdown files, {r['bytes'] / 1e6:.1f} MB): "
        f"median of {r['rounds']} round(s), tools in rotating order ==")
    log(f"  {'tool':15s} {'median s':>9} {'min-max s':>15} {'CPU s':>7} {'pages/s':>8} "
        f"{'peak RSS MB':>12} {'x ' + jn:>17}")
    for name, x in t.items():
        spread = f"{x['min']:.2f}-{x['max']:.2f}"
        log(f"  {name:15s} {x['wall']:9.2f} {spread:>15} {x['cpu']:7.2f} "
            f"{r['files'] / x['wall']:8.0f} {x['rss_mb']:12.1f} {x['wall'] / w['wall']:17.2f}")
    f, wf = r.get("floor"), r.get("write_floor")
    ideal = ideal_s(f, wf, cores(args)) if f and wf else None
    if ideal:
        log(f"  {'ideal':15s} {ideal:9.2f} {'':>15} {'':>7} {r['files'] / ideal:8.0f} {'':>12} "
            f"{ideal / w['wall']:17.2f}")
        log(f"    ideal = (cmark-gfm floor {f['total_cpu_ms']:.0f} ms + write floor "
            f"{wf['user_ms'] + wf['sys_ms']:.0f} ms of CPU) / {cores(args)} cores")
        # The same work every round: its spread is the machine's, not a tool's.
        log(f"    cmark-gfm floor over the rounds: {f['total_cpu_ms_min']:.0f}-"
            f"{f['total_cpu_ms_max']:.0f} ms (the same work each time: the machine's own spread)")
        fm = r.get("floor_mimalloc")
        if fm:
            log(f"    cmark-gfm floor with mimalloc preloaded, wegwijzer's allocator: "
                f"{fm['total_cpu_ms']:.0f} ms of CPU (an ideal made of it: "
                f"{ideal_s(fm, wf, cores(args)):.2f} s)")
        if r.get("sha256"):
            sha = r["sha256"]
            log(f"    not in it: SHA-256 of the {sha['bytes'] / 1e6:.1f} MB written, for "
                f"manifest.sha256: {sha['cpu_ms']:.0f} ms of CPU")
    walls = floor_walls(r)
    floor_speedup = None
    if walls:
        one, many = walls
        floor_speedup = sum(one.values()) / sum(many.values())
        log(f"  floors on 1 and {args.jobs} threads, wall: " +
            ", ".join(f"{part} {one[part]:.0f} -> {many[part]:.0f} ms "
                      f"({one[part] / many[part]:.2f}x)" for part in one))
        log(f"    together {sum(one.values()):.0f} -> {sum(many.values()):.0f} ms "
            f"({floor_speedup:.2f}x): how far this work speeds up with {args.jobs} threads on this "
            f"machine, with nothing else to do")
        if floor_speedup > args.jobs:
            log(f"    (more than {args.jobs}x cannot be the threads: the one-thread runs met a "
                f"slower machine than the others; see the floor's spread above)")
    report_pipeline_floor(r, args, ideal)
    counts = r.get("page_counts", {})
    if counts:
        same = len(set(counts.values())) == 1 and r["files"] in counts.values()
        log("  HTML pages (index.html): " + ", ".join(f"{n} {c:,}" for n, c in counts.items()) +
            (" - equal" if same else " - NOT EQUAL") + f" (Markdown files: {r['files']:,})")
    if r.get("shapes_checked"):
        log(f"  sample pages have the same title, description, menu, breadcrumb, list and "
            f"elements in every tool's output")
    if "identical" in r:
        log(f"  --jobs 1 and --jobs {args.jobs} outputs: "
            f"{'identical' if r['identical'] else 'DIFFERENT'} (diff -r, {r.get('out_files', 0):,} "
            f"files)")
    log()
    note = "" if judged else f"  (targets are set for {REFERENCE_PAGES:,} pages)"
    log(f"  Ratios of medians{note}:")
    log(f"    {'':4s}  {'':36s} {'target':>8s}  value")

    def line(state, text, target, value):
        log(f"    {state:4s}  {text:36s} {target:>8s}  {value}")

    def judged_line(ok, text, target, value):
        line(verdict(ok, judged), text, target, value)

    h, e, j1 = t.get("hugo"), t.get("eleventy"), t.get("wegwijzer -j1")
    if h:
        ratio = h["wall"] / w["wall"]
        judged_line(ratio >= TARGET_HUGO_RATIO, f"Hugo / {jn}, wall", f">= {TARGET_HUGO_RATIO:g}",
                    f"{ratio:.2f}")
    else:
        line("----", f"Hugo / {jn}, wall", "", "not measured")
    if e:
        line("----", f"Eleventy / {jn}, wall", "none", f"{e['wall'] / w['wall']:.2f}")
    else:
        line("----", f"Eleventy / {jn}, wall", "", "not measured")
    # CPU time (user + sys) holds up better than wall time when the machine is busy.
    for peer, label in ((h, "Hugo"), (e, "Eleventy")):
        if peer:
            line("----", f"{label} / {jn}, CPU", "none", f"{peer['cpu'] / w['cpu']:.2f}")
    if j1:
        sp = j1["wall"] / w["wall"]
        judged_line(sp >= TARGET_SPEEDUP, f"wegwijzer -j1 / -j{args.jobs}, wall (speedup)",
                    f">= {TARGET_SPEEDUP:g}", f"{sp:.2f}")
    report_round_speedup(r, args, line)
    if walls:
        # The same speedup for the floors' work: what this machine's cores give it.
        line("----", f"floors 1 / {args.jobs} threads, wall", "none", f"{floor_speedup:.2f}")
    if ideal:
        q = w["wall"] / ideal
        judged_line(q <= TARGET_IDEAL_RATIO, f"{jn} / ideal, wall",
                    f"<= {TARGET_IDEAL_RATIO:g}", f"{q:.2f}")
        report_round_ideal(r, args, line)
        sha = r.get("sha256")
        if sha:
            # The ideal leaves out the manifest's hashing, which wegwijzer does and no peer does.
            with_sha = ideal + sha["cpu_ms"] / 1000 / cores(args)
            line("----", f"{jn} / (ideal+SHA-256)", "none", f"{w['wall'] / with_sha:.2f}")
        if r.get("floor_mimalloc"):
            # The floor as it runs with the allocator wegwijzer ships with.
            q = w["wall"] / ideal_s(r["floor_mimalloc"], r["write_floor"], cores(args))
            line("----", f"{jn} / ideal on mimalloc", "none", f"{q:.2f}")
        if walls:
            # Against the floors as run on the threads, reading included: a measured ideal.
            line("----", f"{jn} / floors, {args.jobs} threads", "none",
                 f"{w['wall'] * 1000 / sum(many.values()):.2f}")
    else:
        line("----", f"{jn} / ideal, wall", "", "not measured (no floor)")
    report_pipeline_ratios(r, args, ideal, line)
    if h:
        q = w["rss_mb"] / h["rss_mb"]
        judged_line(q <= TARGET_RSS_RATIO, f"{jn} / Hugo, peak RSS", f"<= {TARGET_RSS_RATIO:g}",
                    f"{q:.3f} ({w['rss_mb']:.0f} MB vs {h['rss_mb']:.0f} MB)")
    if e:
        line("----", f"{jn} / Eleventy, peak RSS", "none",
             f"{w['rss_mb'] / e['rss_mb']:.3f} ({w['rss_mb']:.0f} MB vs {e['rss_mb']:.0f} MB)")


def spread_of_ratios(values):
    return f"median {median(values):.2f} ({min(values):.2f}-{max(values):.2f})"


# Ratios taken within each round, then their median and spread: the builds of one round ran
# within seconds of each other, so a slow spell that hits one round moves both sides of its
# ratio, where it moves only one of two medians. For information; the targets are judged on the
# ratios of the medians.
def report_round_speedup(r, args, line):
    walls = r.get("round_walls", {})
    many, one = walls.get(f"wegwijzer -j{args.jobs}", []), walls.get("wegwijzer -j1", [])
    if one and len(one) == len(many):
        line("----", f"wegwijzer -j1 / -j{args.jobs}, each round", "none",
             spread_of_ratios([a / b for a, b in zip(one, many)]))


def report_pipeline_ratios(r, args, ideal, line):
    """The pipeline floor's speedup, its distance to the ideal and the build's to it, as ratios
    of medians and, below each, taken within each round."""
    pf, pf1 = r.get("pipeline_floor"), r.get("pipeline_floor_1")
    if not pf:
        return
    jn, j = f"wegwijzer -j{args.jobs}", args.jobs
    rounds = r.get("round_floors", {})
    many = [run["ext_wall_ms"] / 1000 for run in rounds.get("pipeline_floor", [])]
    one = [run["ext_wall_ms"] / 1000 for run in rounds.get("pipeline_floor_1", [])]
    f, w = rounds.get("floor", []), rounds.get("write_floor", [])
    ideals = [ideal_s(fr, wr, cores(args)) for fr, wr in zip(f, w)]
    builds = r.get("round_walls", {}).get(jn, [])

    def each_round(text, tops, bottoms):
        if tops and len(tops) == len(bottoms):
            line("----", text, "none", spread_of_ratios([a / b for a, b in zip(tops, bottoms)]))
    if pf1:
        line("----", f"pipeline 1 / {j} threads, wall", "none",
             f"{pf1['ext_wall_ms'] / pf['ext_wall_ms']:.2f}")
        each_round(f"pipeline 1 / {j}, each round", one, many)
    if ideal:
        line("----", f"pipeline -j{j} / ideal, wall", "none",
             f"{pf['ext_wall_ms'] / 1000 / ideal:.2f}")
        each_round(f"pipeline -j{j} / ideal, each round", many, ideals)
    line("----", f"{jn} / pipeline -j{j}, wall", "none",
         f"{r['tools'][jn]['wall'] * 1000 / pf['ext_wall_ms']:.2f}")
    each_round(f"{jn} / pipeline, each round", builds, many)


def report_pipeline_floor(r, args, ideal):
    """The pipeline floor's wall times: what this machine gives the work every build of the
    corpus does, on one thread and on --jobs threads, against the ideal and the build."""
    pf, pf1 = r.get("pipeline_floor"), r.get("pipeline_floor_1")
    if not pf:
        return
    jn = f"wegwijzer -j{args.jobs}"
    alloc = r.get("pipeline_floor_allocator", "glibc malloc")
    one = f"{pf1['ext_wall_ms']:.0f} -> " if pf1 else ""
    speedup = pf1["ext_wall_ms"] / pf["ext_wall_ms"] if pf1 else None
    log(f"  pipeline floor (pipeline_floor.c, on {alloc}): read and keep every file, then parse, "
        f"render and write every page, in one process timed as the builds are")
    log(f"    1 -> {args.jobs} threads: {one}{pf['ext_wall_ms']:.0f} ms" +
        (f" ({speedup:.2f}x)" if speedup else "") +
        (f", {pf['ext_wall_ms'] / 1000 / ideal:.2f}x the ideal" if ideal else "") +
        f"; {jn} takes {r['tools'][jn]['wall'] * 1000 / pf['ext_wall_ms']:.2f}x it")


def report_round_ideal(r, args, line):
    jn = f"wegwijzer -j{args.jobs}"
    many = r.get("round_walls", {}).get(jn, [])
    floors = r.get("round_floors", {})
    f, w = floors.get("floor", []), floors.get("write_floor", [])
    if f and len(f) == len(w) == len(many):
        line("----", f"{jn} / ideal, each round", "none",
             spread_of_ratios([b / ideal_s(fr, wr, cores(args)) for b, fr, wr in zip(many, f, w)]))


def report_details(results, args):
    log()
    log("== wegwijzer stage timings (ms, median of rounds) ==")
    header = "".join(f"{s:>10}" for s in STAGES)
    log(f"{'pages':>7}  {'jobs':>4}{header}{'sum':>10}{'wall ms':>10}")
    for r in results:
        for name, t in r["tools"].items():
            if not name.startswith("wegwijzer"):
                continue
            st = t["stages"]
            total = sum(v for v in st.values() if v == v)
            log(f"{r['pages']:>7}  {name.split('-j')[1]:>4}" +
                "".join(f"{fmt(st[s], '10.1f')}" for s in STAGES) +
                f"{total:10.1f}{t['wall'] * 1000:10.0f}")
    jn = f"wegwijzer -j{args.jobs}"
    if any(r.get("floor") for r in results):
        log()
        log("== Floors: cmark-gfm parse + render of the bodies (one thread, CPU), and writing the "
            "same files ==")
        log(f"{'pages':>7}  {'MB md':>6} {'parse ms':>9} {'render ms':>10} {'floor ms':>9} "
            f"{'files':>7} {'folders':>7} {'MB out':>7} {'write CPU':>10} {'sys ms':>7} "
            f"{'ideal ms':>9} {'md+tpl/floor':>13}")
        for r in results:
            f, wf = r.get("floor"), r.get("write_floor")
            if not f:
                continue
            # A plain build renders each body in its templates stage: the two together.
            md = r["tools"][jn]["stages"]["markdown"] + r["tools"][jn]["stages"]["templates"]
            if wf:
                wcols = (f"{wf['files']:7.0f} {wf['dirs']:7.0f} {wf['bytes'] / 1e6:7.1f} "
                         f"{wf['user_ms'] + wf['sys_ms']:10.1f} {wf['sys_ms']:7.1f} "
                         f"{ideal_s(f, wf, cores(args)) * 1000:9.1f}")
            else:
                wcols = f"{'n/a':>7} {'':>7} {'':>7} {'':>10} {'':>7} {'n/a':>9}"
            log(f"{r['pages']:>7}  {f['bytes'] / 1e6:6.1f} {f['parse_cpu_ms']:9.1f} "
                f"{f['render_cpu_ms']:10.1f} {f['total_cpu_ms']:9.1f} {wcols} "
                f"{fmt(md / f['total_cpu_ms'], '13.2f')}")
        log(f"  (write floor: wegwijzer's own output created again by write_floor.c with "
            f"{args.jobs} threads on the same file system, nothing computed; ideal = (floor CPU +")
        log(f"   write CPU) / {cores(args)} cores; md+tpl/floor = wegwijzer's markdown and templates "
            f"stages (wall, all threads; a plain build renders each body in its templates stage) / "
            f"single-thread floor)")
        report_md4c_floor(results)


def report_md4c_floor(results):
    """md4c's parse and render of the same bodies: how much of the cmark-gfm floor is that
    library's own speed, and whether the other parser wrote the same HTML for this corpus."""
    rows = [r for r in results if r.get("floor") and r.get("md4c_floor")]
    if not rows:
        return
    log("  Another parser on the same bodies (md4c, GitHub dialect, no footnotes; one thread, CPU):")
    for r in rows:
        f, m = r["floor"], r["md4c_floor"]
        same = "the same HTML" if m["html_hash"] == f["html_hash"] and \
            m["html_bytes"] == f["html_bytes"] else "other HTML"
        log(f"  {r['pages']:>7} pages: md4c {m['total_cpu_ms']:.0f} ms, cmark-gfm "
            f"{f['total_cpu_ms']:.0f} ms ({f['total_cpu_ms'] / m['total_cpu_ms']:.1f}x), {same} "
            f"({m['html_bytes'] / 1e6:.1f} MB)")


def report_scale(results, args):
    jn = f"wegwijzer -j{args.jobs}"
    rows = sorted((r for r in results if jn in r["tools"]), key=lambda r: r["pages"])
    big = [r for r in rows if r["scale"]]
    if not big:
        return
    log()
    log(f"== Scale: {jn}, cost per page (marginal = growth from the previous size) ==")
    log(f"{'pages':>8} {'sections':>8} {'median s':>9} {'min-max s':>15} {'ms/page':>8} "
        f"{'peak RSS MB':>12} {'KB/page':>8} {'marginal KB/page':>17} {'marginal ms/page':>17}")
    prev = None
    for r in rows:
        t = r["tools"][jn]
        marg_kb = marg_ms = float("nan")
        if prev:
            dp = r["pages"] - prev[0]
            marg_kb = (t["rss_mb"] - prev[1]["rss_mb"]) * 1024 / dp
            marg_ms = (t["wall"] - prev[1]["wall"]) * 1000 / dp
        secs = args.sections or max(1, r["pages"] // 100)
        spread = f"{t['min']:.2f}-{t['max']:.2f}"
        log(f"{r['pages']:>8,} {secs:>8} {t['wall']:9.2f} {spread:>15} "
            f"{t['wall'] * 1000 / r['pages']:8.3f} {t['rss_mb']:12.1f} "
            f"{t['rss_mb'] * 1024 / r['pages']:8.2f} {fmt(marg_kb, '17.2f')} "
            f"{fmt(marg_ms, '17.3f')}")
        prev = (r["pages"], t)
    if not args.sections:
        log("  (every page lists all sections, one per 100 pages: the pages grow with the corpus; "
            "--sections 100 keeps them the same)")
    ref = next((r for r in rows if r["pages"] == REFERENCE_PAGES), None)
    for r in big:
        t = r["tools"][jn]
        kb = t["rss_mb"] * 1024 / r["pages"]
        log()
        log(f"  Targets at {r['pages']:,} pages:")
        log(f"    {verdict(t['rss_mb'] <= TARGET_SCALE_RSS_MB)}  peak RSS <= "
            f"{TARGET_SCALE_RSS_MB / 1024:g} GB: {t['rss_mb']:.0f} MB")
        log(f"    {verdict(kb <= TARGET_SCALE_KB_PAGE)}  peak RSS per page <= "
            f"{TARGET_SCALE_KB_PAGE:g} KB: {kb:.2f} KB")
        if ref:
            rt = ref["tools"][jn]
            ms_ratio = (t["wall"] / r["pages"]) / (rt["wall"] / ref["pages"])
            kb_ratio = kb / (rt["rss_mb"] * 1024 / ref["pages"])
            log(f"    {verdict(ms_ratio <= TARGET_LINEAR)}  time linear: ms/page at "
                f"{r['pages']:,} / at {REFERENCE_PAGES:,} <= {TARGET_LINEAR:g}: {ms_ratio:.2f}")
            log(f"    {verdict(kb_ratio <= TARGET_LINEAR)}  memory linear: KB/page at "
                f"{r['pages']:,} / at {REFERENCE_PAGES:,} <= {TARGET_LINEAR:g}: {kb_ratio:.2f}")
        else:
            log(f"    ----  linearity: no {REFERENCE_PAGES:,}-page run to compare with")


def report(results, args, loads, outputs):
    log()
    busiest = max((float(l.split()[0]) for l in loads if l != "?"), default=0)
    n = os.cpu_count() or 1
    if busiest > n:
        log(f"WARNING: the machine was busy (1-minute load average up to {busiest:.1f} on {n} "
            "cores): wall times are inflated by waiting for a core and vary from round to round;")
        log("  the CPU s column (user + sys) is steadier.")
    if outputs.disk:
        log(f"WARNING: outputs were written to disk ({outputs.root}); on this virtual machine disk "
            "figures vary up to fivefold from run to run. The default (tmpfs) is steadier.")
    for r in results:
        report_size(r, args, judged=r["pages"] == REFERENCE_PAGES)
    report_details(results, args)
    report_scale(results, args)
    log()
    log("(PASS/MISS compare medians with the issue's targets and never change the exit status.)")


def main():
    # SIGTERM (a CTest timeout, kill) ends the run through the finally below, which deletes the
    # outputs on tmpfs: left there they would hold memory until the next reboot.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", default="1000,10000",
                    help=f"comma-separated corpus sizes (sizes from {SCALE_FROM:,} up: wegwijzer --jobs N "
                         f"only, compared per page with {REFERENCE_PAGES:,}, which is added)")
    ap.add_argument("--rounds", "--runs", type=int, default=5,
                    help="rounds: one cold build of every tool each, order rotated (median)")
    ap.add_argument("--disk", metavar="DIR",
                    help=f"write the built sites under DIR instead of tmpfs ({TMPFS}); disk "
                         "figures vary a lot on a virtual machine")
    ap.add_argument("--smoke", action="store_true",
                    help=f"{SMOKE_PAGES} pages, 1 round: fails when a build fails, the page counts "
                         "or pages differ, or the --jobs outputs differ")
    ap.add_argument("--scale", action="store_true", help=f"also {SCALE_PAGES:,} pages")
    ap.add_argument("--scale-rounds", type=int, default=3, help="rounds at scale sizes")
    ap.add_argument("--scale-peers", action="store_true",
                    help="build Hugo and Eleventy at scale sizes too (when memory allows)")
    ap.add_argument("--sections", type=int,
                    help="sections in every corpus (default: make-corpus.py's one per 100 pages; "
                         "every page's header lists them all)")
    ap.add_argument("--jobs", type=int, default=2, help="wegwijzer's parallel --jobs (default 2)")
    ap.add_argument("--wegwijzer", help="the wegwijzer binary (default: $WEGWIJZER, or a Release "
                                        "build in build-bench/)")
    ap.add_argument("--hugo", default="hugo", help="the hugo binary")
    ap.add_argument("--node", default="node", help="the node binary for Eleventy")
    ap.add_argument("--no-hugo", action="store_true", help="leave Hugo out")
    ap.add_argument("--no-eleventy", action="store_true", help="leave Eleventy out")
    ap.add_argument("--work", default=os.path.join(HERE, "work"),
                    help="scratch folder for the corpora and floors (default tests/bench/work)")
    ap.add_argument("--keep-output", action="store_true",
                    help="keep every tool's last built site (printed at the end)")
    args = ap.parse_args()

    if args.smoke:
        sizes, rounds = [SMOKE_PAGES], 1
    else:
        sizes, rounds = sorted({int(p) for p in args.pages.split(",") if p}), args.rounds
        if args.scale:
            sizes = sorted(set(sizes) | {SCALE_PAGES})
        if any(p >= SCALE_FROM for p in sizes) and REFERENCE_PAGES not in sizes:
            sizes = sorted(set(sizes) | {REFERENCE_PAGES})
    work = os.path.abspath(args.work)
    os.makedirs(work, exist_ok=True)
    remove_tree(os.path.join(work, "retired"))  # left by an older version of this script

    wegwijzer = find_wegwijzer(args)
    hugo = None if args.no_hugo else shutil.which(args.hugo)
    node, eleventy_note = find_eleventy(args)
    version = subprocess.run([wegwijzer, "version"], capture_output=True, text=True).stdout.strip()
    log(f"GGZ Wegwijzer build benchmark, {datetime.datetime.now().isoformat(timespec='seconds')}")
    log(f"machine: {os.cpu_count()} cores, {mem_available_mb() / 1024:.1f} GB available, "
        f"load average {load_average()}")
    log(f"wegwijzer: {wegwijzer} ({version}, {source_revision()}), --jobs {args.jobs} and 1")
    if hugo:
        hv = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.split()
        log(f"hugo: {hugo} ({hv[1] if len(hv) > 1 else '?'})")
    else:
        log("hugo: skipped, " + ("--no-hugo" if args.no_hugo else
                                 "not installed (run.sh without --smoke installs it)"))
    log(f"eleventy: {eleventy_note}" if node else f"eleventy: skipped, {eleventy_note}")
    timer = GNU_TIME if os.access(GNU_TIME, os.X_OK) else (
        "wait4() as GNU time is not installed (peak RSS then includes the ~10 MB of the forked "
        "Python)")
    outputs = Outputs(args.disk)
    log(f"measured with {timer}; {rounds} round(s) per size, median; output in {outputs.root} "
        f"({'DISK' if outputs.disk else 'tmpfs'})")
    if outputs.disk:
        log("WARNING: writing to disk: on this virtual machine disk figures vary up to fivefold "
            "from run to run; compare tools within one run only.")

    try:
        floor_binary, floor_note = build_floor(work)
        if floor_note:
            log(f"cmark-gfm floor skipped: {floor_note}")
        write_floor_binary, write_floor_note = compile_c(
            WRITE_FLOOR_SOURCE, os.path.join(work, "write_floor"), ["-pthread"])
        if write_floor_note:
            log(f"write floor skipped: {write_floor_note}")
        md4c_floor_binary, md4c_floor_note = build_md4c_floor(work)
        if md4c_floor_note:
            log(f"md4c floor skipped: {md4c_floor_note}")
        pipeline_floor_binary, pipeline_floor_note = build_floor(work, PIPELINE_FLOOR_SOURCE,
                                                                 "pipeline_floor")
        if pipeline_floor_note:
            log(f"pipeline floor skipped: {pipeline_floor_note}")
        floors = (floor_binary, write_floor_binary, md4c_floor_binary, pipeline_floor_binary)
        first_touch_binary, first_touch_note = compile_c(
            FIRST_TOUCH_SOURCE, os.path.join(work, "first_touch"), [])
        if first_touch_note:
            log(f"memory check skipped: {first_touch_note}")
        elif not args.smoke:
            log_first_touch(first_touch_binary)

        results = []
        loads = [load_average()]
        for pages in sizes:
            scale = pages >= SCALE_FROM
            peers = {"hugo": hugo, "eleventy": node}
            if scale:
                if not args.scale_peers:
                    log(f"{pages:,} pages: wegwijzer --jobs {args.jobs} only (--scale-peers adds "
                        "Hugo and Eleventy)")
                    peers = {}
                else:
                    # Their memory grows with the site (Hugo 1.5 GB at 10k pages): estimate it
                    # from the largest size measured and skip a tool rather than push a shared
                    # machine into the OOM killer.
                    for name in list(peers):
                        known = [r for r in results if name in r["tools"]]
                        if peers[name] and known:
                            largest = max(known, key=lambda r: r["pages"])
                            need = (largest["tools"][name]["rss_mb"] * pages / largest["pages"]
                                    * 1.25)
                            if need > mem_available_mb() / 2:
                                log(f"{name} skipped at {pages:,} pages: it would need about "
                                    f"{need / 1024:.1f} GB")
                                peers[name] = None
            results.append(run_size(pages, args.scale_rounds if scale else rounds, args,
                                    wegwijzer, peers, floors, work, outputs, scale=scale))
            loads.append(load_average())
        log(f"load average at the end: {load_average()}")
    finally:
        outputs.close(keep=args.keep_output)
    built = all(r["ok"] for r in results)
    if built:
        report(results, args, loads, outputs)
    else:
        log("no report: a build or a check failed (see FAIL above)")
    log()
    log("RESULT: " + ("ok" if built else
                      "FAILED (a build failed, the pages differ, or --jobs outputs differ)"))
    return 0 if built else 1


if __name__ == "__main__":
    sys.exit(main())
