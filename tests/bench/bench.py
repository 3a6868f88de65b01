#!/usr/bin/env python3
"""Side-by-side build benchmark: wegwijzer against Hugo on the same synthetic corpus.

Normally started through run.sh, which installs Hugo and GNU time first. Python 3 standard library
only. See README.md in this folder for what is measured and how to read the output.

usage: bench.py [--pages 1000,10000] [--runs 3] [--smoke] [--scale] [--sections N]
                [--wegwijzer PATH] [--work DIR] [--jobs 2]
"""
import argparse
import datetime
import hashlib
import os
import re
import shutil
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
FLOOR_SOURCE = os.path.join(HERE, "floor.c")
WRITE_FLOOR_SOURCE = os.path.join(HERE, "write_floor.c")
GNU_TIME = "/usr/bin/time"
STAGES = ("load", "resolve", "markdown", "templates", "write", "check")
SMOKE_PAGES = 200
SCALE_PAGES = 100_000
# The footer of the shared Hugo theme names the 113 helpline's number; the same bytes in
# wegwijzer's copy of that theme must be allowed, since a real site takes numbers from its data.
WEGWIJZER_YAML = ('title: "GGZ Wegwijzer"\nbase_url: "https://example.org/"\nlanguage: "nl"\n'
                  'allowed_literals: ["0800-0113"]\n')

# Targets, all measured at the 10,000-page corpus (informational: they never change the exit code).
TARGET_HUGO_RATIO = 8.0       # Hugo wall / wegwijzer --jobs 2 wall, at least
TARGET_RSS_RATIO = 0.25       # wegwijzer peak RSS / Hugo peak RSS, at most
TARGET_SPEEDUP = 1.7          # --jobs 1 wall / --jobs 2 wall, at least
TARGET_FLOOR_RATIO = 1.5      # --jobs 2 wall / (cmark-gfm floor / 2), at most


def log(msg=""):
    print(msg, flush=True)


def fail(msg):
    print(f"FAIL: {msg}", flush=True)


class Measurement:
    def __init__(self, ok, wall, rss_kb, cpu, stdout, stderr, code):
        self.ok, self.wall, self.rss_kb, self.cpu = ok, wall, rss_kb, cpu
        self.stdout, self.stderr, self.code = stdout, stderr, code


def measure(cmd, cwd=None):
    """Runs cmd; returns wall s, peak RSS KB and user+sys CPU s, from GNU time when installed
    (as asked for the benchmark) and otherwise from wait4() on the child."""
    if os.access(GNU_TIME, os.X_OK):
        time_file = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"bench-time-{os.getpid()}.txt")
        proc = subprocess.run([GNU_TIME, "-f", "%e %M %U %S", "-o", time_file] + cmd, cwd=cwd,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        with open(time_file) as f:
            last = f.read().strip().splitlines()[-1].split()
        os.unlink(time_file)
        wall, rss, user, system = float(last[0]), int(last[1]), float(last[2]), float(last[3])
        return Measurement(proc.returncode == 0, wall, rss, user + system, proc.stdout, proc.stderr,
                           proc.returncode)
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.monotonic()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err, text=True)
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


def remove_tree(path):
    """rm -rf: noticeably quicker than shutil.rmtree on 100,000 folders."""
    if os.path.lexists(path):
        subprocess.run(["rm", "-rf", "--", path], check=False)


# Built sites are moved aside instead of deleted between runs, and deleted once the last build is
# done. ext4 without a journal (as on these machines) skips inodes freed in the last minute or
# more when it allocates new ones, one by one, so a build right after deleting a 20,000-file site
# spends seconds in the kernel: that would measure the benchmark's own cleanup, not the tools.
RETIRED = []


def retire_tree(path, work):
    if os.path.lexists(path):
        trash = os.path.join(work, "retired")
        os.makedirs(trash, exist_ok=True)
        target = os.path.join(trash, f"{len(RETIRED)}-{os.path.basename(path)}")
        os.rename(path, target)
        RETIRED.append(target)


def remove_retired(work):
    remove_tree(os.path.join(work, "retired"))
    RETIRED.clear()


def count_pages(root):
    """index.html files in a built site: one per Markdown file for both tools."""
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


def make_site(work, pages, sections=None):
    """work/site-N holds the corpus (content/) and both tools' configuration: Hugo reads layouts/
    and hugo.toml, wegwijzer reads templates/ and wegwijzer.yaml, and neither looks at the other's
    files, so both build exactly the same content folder."""
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
    for name in ("layouts", "templates"):
        shutil.rmtree(os.path.join(site, name), ignore_errors=True)
    shutil.copytree(os.path.join(HUGO_THEME, "layouts"), os.path.join(site, "layouts"))
    shutil.copy(os.path.join(HUGO_THEME, "hugo.toml"), os.path.join(site, "hugo.toml"))
    shutil.copytree(TEMPLATES, os.path.join(site, "templates"))
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


def build_floor(work):
    """Compiles floor.c against libcmark-gfm; returns the binary or None with a reason."""
    try:
        flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libcmark-gfm"], check=True,
                               capture_output=True, text=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        return None, "pkg-config libcmark-gfm not found (libcmark-gfm-dev)"
    return compile_c(FLOOR_SOURCE, os.path.join(work, "floor"), flags + ["-lcmark-gfm-extensions"])


def figures(text):
    """The key=value pairs floor and write_floor print, as numbers."""
    return {k: float(v) for k, v in re.findall(r"(\w+)=([0-9.]+)", text)}


def median_figures(runs):
    return {k: median([r[k] for r in runs]) for k in runs[0]}


def ideal_ms(floor, write_floor, jobs):
    """The floor's parsing and rendering plus the write floor's writing, spread over `jobs`
    threads without a pause: what a build doing nothing else would take."""
    return (floor["total_cpu_ms"] + write_floor["user_ms"] + write_floor["sys_ms"]) / jobs


def run_write_floor(binary, built, work, runs, jobs):
    """Creates the folders and files of the built site `built` again (same names and sizes,
    nothing computed) with `jobs` threads, `runs` times; the median of the figures."""
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
    results = []
    for run in range(runs):
        out = os.path.join(work, f"write-floor-{run}")
        retire_tree(out, work)
        os.sync()
        text = subprocess.run([binary, listing, out, str(jobs)], check=True, capture_output=True,
                              text=True).stdout
        results.append(figures(text))
        retire_tree(out, work)
    return median_figures(results)


def run_floor(binary, site, work, runs):
    listing = os.path.join(work, f"floor-files-{os.path.basename(site)}.txt")
    with open(listing, "w") as f:
        for dirpath, _, names in sorted(os.walk(os.path.join(site, "content"))):
            for n in sorted(names):
                if n.endswith(".md"):
                    f.write(os.path.join(dirpath, n) + "\n")
    results = []
    for _ in range(runs):
        out = subprocess.run([binary, listing], check=True, capture_output=True, text=True).stdout
        results.append(figures(out))
    return median_figures(results)


# ---------------------------------------------------------------------------------------------
# Benchmark


def run_size(pages, runs, args, wegwijzer, hugo, floors, work, with_j1=True):
    floor_binary, write_floor_binary = floors
    site, files, size, generated = make_site(work, pages, args.sections)
    note = f", generated in {generated:.1f} s" if generated is not None else ", reused"
    secs = args.sections or max(1, pages // 100)
    log(f"corpus {pages} pages in {secs} sections: {files} Markdown files, "
        f"{size / 1e6:.1f} MB{note}; load average {load_average()}")
    tools = []
    if hugo:
        tools.append(("hugo", lambda out: [hugo, "--quiet", "-s", site, "-d", out]))
    tools.append((f"wegwijzer -j{args.jobs}", lambda out: [
        wegwijzer, "build", "--source", site, "--output", out, "--jobs", str(args.jobs),
        "--timings", "--quiet"]))
    if with_j1:
        tools.append(("wegwijzer -j1", lambda out: [
            wegwijzer, "build", "--source", site, "--output", out, "--jobs", "1", "--timings",
            "--quiet"]))
    outputs = {name: os.path.join(work, f"out-{pages}-{name.replace(' ', '')}")
               for name, _ in tools}
    samples = {name: [] for name, _ in tools}
    ok = True
    for run in range(runs):
        # Interleaved, so a burst of load from elsewhere hits every tool alike.
        for name, command in tools:
            out = outputs[name]
            retire_tree(out, work)
            retire_tree(os.path.join(site, "resources"), work)  # Hugo's cache folder
            # The previous build's 170 MB are still being written back to disk by the kernel's
            # flusher threads, on the same two cores: let that finish outside the measurement.
            os.sync()
            m = measure(command(out))
            if not m.ok:
                fail(f"{name} on {pages} pages exited with {m.code}\n{m.stderr[-2000:]}")
                ok = False
            elif run == runs - 1:
                # The last run's output stays for the checks: a page for every Markdown file.
                built = count_pages(out)
                if built != files:
                    fail(f"{name} on {pages} pages wrote {built} pages for {files} Markdown files")
                    ok = False
            samples[name].append(m)
            log(f"  run {run + 1}/{runs} {name:15s} {m.wall:7.2f} s  {m.rss_kb / 1024:8.1f} MB  "
                f"cpu {m.cpu:6.2f} s")
    result = {"pages": pages, "files": files, "bytes": size, "ok": ok, "tools": {}}
    for name, _ in tools:
        ms = samples[name]
        result["tools"][name] = {
            "wall": median([m.wall for m in ms]),
            "rss_mb": median([m.rss_kb for m in ms]) / 1024,
            "cpu": median([m.cpu for m in ms]),
            "stages": {s: median([parse_timings(m.stdout).get(s, float("nan")) for m in ms])
                       for s in STAGES} if name.startswith("wegwijzer") else None,
        }
    if with_j1:
        a, b = outputs["wegwijzer -j1"], outputs[f"wegwijzer -j{args.jobs}"]
        if os.path.isdir(a) and os.path.isdir(b):
            diff = subprocess.run(["diff", "-r", "-q", a, b], capture_output=True, text=True)
            result["identical"] = diff.returncode == 0
            result["diff"] = diff.stdout[:2000]
            result["out_files"] = tree_stats(b)[0]
        else:
            result["identical"] = False
            result["diff"] = "output folder missing"
    if floor_binary:
        result["floor"] = run_floor(floor_binary, site, work, runs)
    built = outputs[f"wegwijzer -j{args.jobs}"]
    if write_floor_binary and os.path.isdir(built):
        result["write_floor"] = run_write_floor(write_floor_binary, built, work, runs, args.jobs)
    if not args.keep_output:
        for out in outputs.values():
            retire_tree(out, work)
    return result


def fmt(x, spec):
    if x is None or x != x:
        width = re.match(r"\d*", spec).group(0)
        return "n/a".rjust(int(width or 0))
    return format(x, spec)


def report(results, args, floor_note, hugo, loads):
    jn = f"wegwijzer -j{args.jobs}"
    log()
    busiest = max(float(l.split()[0]) for l in loads if l != "?") if loads else 0
    cores = os.cpu_count() or 1
    if busiest > cores:
        log(f"WARNING: the machine was busy (1-minute load average up to {busiest:.1f} on {cores} "
            "cores).")
        log("  Wall times are inflated by waiting for a core and vary from run to run, and the")
        log("  --jobs speedup cannot show; the CPU s column (user + sys) is far steadier.")
        log("  wall/CPU of the --jobs 1 build shows the slowdown (about 1.0 on an idle machine).")
        log()
    log("== Cold builds (median of runs; pages/s counts every Markdown file) ==")
    log(f"{'pages':>7}  {'tool':15s} {'wall s':>8} {'pages/s':>9} {'CPU s':>7} {'peak RSS MB':>12}")
    for r in results:
        for name, t in r["tools"].items():
            log(f"{r['pages']:>7}  {name:15s} {t['wall']:8.2f} {r['files'] / t['wall']:9.0f} "
                f"{t['cpu']:7.2f} {t['rss_mb']:12.1f}")
    log()
    log("== Ratios ==")
    log(f"{'pages':>7}  {'Hugo/wegwijzer wall':>20} {'wegwijzer/Hugo RSS':>19} "
        f"{'Hugo/wegwijzer CPU':>19}")
    for r in results:
        h, w = r["tools"].get("hugo"), r["tools"][jn]
        if h:
            log(f"{r['pages']:>7}  {h['wall'] / w['wall']:20.2f} {w['rss_mb'] / h['rss_mb']:19.3f} "
                f"{h['cpu'] / w['cpu']:19.2f}")
        else:
            log(f"{r['pages']:>7}  {'(no Hugo)':>20}")
    log()
    log("== wegwijzer stage timings (ms, median of runs) ==")
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
    log()
    log(f"== --jobs 1 vs --jobs {args.jobs} ==")
    for r in results:
        if "wegwijzer -j1" in r["tools"]:
            w1, w2 = r["tools"]["wegwijzer -j1"]["wall"], r["tools"][jn]["wall"]
            same = "identical" if r.get("identical") else "DIFFERENT"
            c1 = r["tools"]["wegwijzer -j1"]["cpu"]
            log(f"{r['pages']:>7} pages: jobs 1 {w1:.2f} s, jobs {args.jobs} {w2:.2f} s, "
                f"speedup {w1 / w2:.2f}; outputs {same} (diff -r, {r.get('out_files', 0)} files); "
                f"jobs 1 wall/CPU {w1 / c1:.2f}")
            if not r.get("identical"):
                log("    " + r.get("diff", "").replace("\n", "\n    "))
    log()
    log("== cmark-gfm floor: parse + render of the bodies, one process, no templates or writing ==")
    if floor_note:
        log(f"  skipped: {floor_note}")
    else:
        log(f"{'pages':>7}  {'MB':>6} {'parse ms':>9} {'render ms':>10} {'floor ms':>9} "
            f"{'floor/2':>8} {'ww -j' + str(args.jobs) + ' ms':>10} {'ratio':>6} "
            f"{'md stage':>9} {'md/floor':>9}")
        for r in results:
            f = r.get("floor")
            if not f:
                continue
            w = r["tools"][jn]
            half = f["total_cpu_ms"] / 2
            md = w["stages"]["markdown"]
            log(f"{r['pages']:>7}  {f['bytes'] / 1e6:6.1f} {f['parse_cpu_ms']:9.1f} "
                f"{f['render_cpu_ms']:10.1f} {f['total_cpu_ms']:9.1f} {half:8.1f} "
                f"{w['wall'] * 1000:10.0f} {w['wall'] * 1000 / half:6.2f} {fmt(md, '9.1f')} "
                f"{md / f['total_cpu_ms']:9.2f}")
        log("  (floor = CPU time of one thread, median of runs; ratio = wegwijzer wall / floor/2;")
        log("   md/floor = wegwijzer's markdown stage (wall, all threads) / single-thread floor)")
    if any(r.get("write_floor") for r in results):
        log()
        log(f"== Write floor: creating the same folders and files, nothing computed, "
            f"{args.jobs} threads ==")
        log(f"{'pages':>7}  {'files':>6} {'folders':>7} {'MB':>6} {'wall ms':>8} {'CPU ms':>7} "
            f"{'sys ms':>7} {'ideal ms':>9} {'ww -j' + str(args.jobs) + ' ms':>10} "
            f"{'ww/ideal':>9}")
        for r in results:
            wf, f = r.get("write_floor"), r.get("floor")
            if not wf:
                continue
            cpu = wf["user_ms"] + wf["sys_ms"]
            ideal = ideal_ms(f, wf, args.jobs) if f else float("nan")
            w = r["tools"][jn]["wall"] * 1000
            log(f"{r['pages']:>7}  {wf['files']:6.0f} {wf['dirs']:7.0f} {wf['bytes'] / 1e6:6.1f} "
                f"{wf['wall_ms']:8.1f} {cpu:7.1f} {wf['sys_ms']:7.1f} {fmt(ideal, '9.1f')} "
                f"{w:10.0f} {fmt(w / ideal, '9.2f')}")
        log("  (wegwijzer's own output, written again by write_floor.c: the kernel's share of any")
        log("   build of this site on this disk, which the cmark-gfm floor leaves out; ideal =")
        log(f"   (floor CPU + write CPU) / {args.jobs}, both floors on every core with no overhead)")
    scale = sorted(results, key=lambda r: r["pages"])
    if args.scale:
        log()
        log("== Scale: cost per page (marginal = growth from the previous size) ==")
        log(f"{'pages':>7}  {'tool':15s} {'wall s':>8} {'ms/page':>8} {'RSS MB':>8} "
            f"{'KB/page':>8} {'marginal KB/page':>17} {'marginal ms/page':>17}")
        for name in ["hugo", jn]:
            prev = None
            for r in scale:
                t = r["tools"].get(name)
                if not t:
                    continue
                marg_kb = marg_ms = float("nan")
                if prev:
                    dp = r["pages"] - prev[0]
                    marg_kb = (t["rss_mb"] - prev[1]["rss_mb"]) * 1024 / dp
                    marg_ms = (t["wall"] - prev[1]["wall"]) * 1000 / dp
                log(f"{r['pages']:>7}  {name:15s} {t['wall']:8.2f} "
                    f"{t['wall'] * 1000 / r['pages']:8.3f} {t['rss_mb']:8.1f} "
                    f"{t['rss_mb'] * 1024 / r['pages']:8.1f} {fmt(marg_kb, '17.1f')} "
                    f"{fmt(marg_ms, '17.3f')}")
                prev = (r["pages"], t)
        log("  (memory grows linearly when the marginal KB/page stays about the same from 1k->10k "
            "to 10k->100k)")
    # Targets
    target = next((r for r in results if r["pages"] == 10000), None)
    label = "10,000 pages"
    if target is None:
        full = [r for r in results if "wegwijzer -j1" in r["tools"]] or results
        target = max(full, key=lambda r: r["pages"])
        label = f"{target['pages']} pages (the targets are set for 10,000)"
    log()
    log(f"== Targets at {label} (informational) ==")
    w = target["tools"][jn]
    h = target["tools"].get("hugo")

    def verdict(ok):
        return "PASS" if ok else "MISS"

    if h:
        ratio = h["wall"] / w["wall"]
        log(f"  {verdict(ratio >= TARGET_HUGO_RATIO)}  cold build >= {TARGET_HUGO_RATIO:g}x faster "
            f"than Hugo: {ratio:.2f}x")
        rss = w["rss_mb"] / h["rss_mb"]
        log(f"  {verdict(rss <= TARGET_RSS_RATIO)}  peak RSS <= 1/4 of Hugo's: {rss:.3f} "
            f"({w['rss_mb']:.0f} MB vs {h['rss_mb']:.0f} MB)")
    else:
        log("  ----  Hugo targets skipped (no Hugo build at this size)")
    if "wegwijzer -j1" in target["tools"]:
        sp = target["tools"]["wegwijzer -j1"]["wall"] / w["wall"]
        log(f"  {verdict(sp >= TARGET_SPEEDUP)}  --jobs {args.jobs} speedup >= "
            f"{TARGET_SPEEDUP:g}: {sp:.2f}")
    if target.get("floor"):
        fr = w["wall"] * 1000 / (target["floor"]["total_cpu_ms"] / 2)
        log(f"  {verdict(fr <= TARGET_FLOOR_RATIO)}  wall <= {TARGET_FLOOR_RATIO:g} x floor/2: "
            f"{fr:.2f}")
        wf = target.get("write_floor")
        if wf:
            ideal = ideal_ms(target["floor"], wf, args.jobs)
            log(f"        (writing the output alone costs {wf['user_ms'] + wf['sys_ms']:.0f} ms of "
                f"CPU here: a build doing nothing but the floor and the writing would be at "
                f"{ideal / (target['floor']['total_cpu_ms'] / 2):.2f} x floor/2)")
    else:
        log("  ----  floor target skipped (no floor)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", default="1000,10000", help="comma-separated corpus sizes")
    ap.add_argument("--runs", type=int, default=3, help="cold builds per tool and size (median)")
    ap.add_argument("--smoke", action="store_true",
                    help=f"{SMOKE_PAGES} pages, 1 run: fails when a build fails or the outputs "
                         "differ")
    ap.add_argument("--scale", action="store_true",
                    help=f"also {SCALE_PAGES} pages (--scale-runs runs, no --jobs 1 build)")
    ap.add_argument("--scale-runs", type=int, default=1)
    ap.add_argument("--sections", type=int,
                    help="sections in every corpus (default: make-corpus.py's one per 100 pages; "
                         "every page's header lists them all)")
    ap.add_argument("--jobs", type=int, default=2, help="wegwijzer's parallel --jobs (default 2)")
    ap.add_argument("--wegwijzer", help="the wegwijzer binary (default: $WEGWIJZER, or a Release "
                                        "build in build-bench/)")
    ap.add_argument("--hugo", default="hugo", help="the hugo binary")
    ap.add_argument("--work", default=os.path.join(HERE, "work"), help="scratch folder")
    ap.add_argument("--keep-output", action="store_true", help="keep the built sites in --work")
    args = ap.parse_args()

    if args.smoke:
        sizes, runs = [SMOKE_PAGES], 1
    else:
        sizes, runs = [int(p) for p in args.pages.split(",") if p], args.runs
    work = os.path.abspath(args.work)
    os.makedirs(work, exist_ok=True)
    remove_retired(work)  # left by an interrupted run

    wegwijzer = find_wegwijzer(args)
    hugo = shutil.which(args.hugo)
    version = subprocess.run([wegwijzer, "version"], capture_output=True, text=True).stdout.strip()
    commit = subprocess.run(["git", "-C", REPO, "describe", "--always", "--dirty"],
                            capture_output=True, text=True).stdout.strip() or "?"
    log(f"GGZ Wegwijzer build benchmark, {datetime.datetime.now().isoformat(timespec='seconds')}")
    log(f"machine: {os.cpu_count()} cores, load average {load_average()}")
    log(f"wegwijzer: {wegwijzer} ({version}, {commit}), --jobs {args.jobs}")
    if hugo:
        hv = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.split()
        log(f"hugo: {hugo} ({hv[1] if len(hv) > 1 else '?'})")
    else:
        log("hugo: not installed, skipped (run.sh without --smoke installs it)")
    timer = GNU_TIME if os.access(GNU_TIME, os.X_OK) else (
        "wait4() as GNU time is not installed (peak RSS then includes the ~10 MB of the forked "
        "Python)")
    log(f"measured with {timer}; {runs} cold run(s) per tool and size, median")
    floor_binary, floor_note = build_floor(work)
    write_floor_binary, write_floor_note = compile_c(WRITE_FLOOR_SOURCE,
                                                     os.path.join(work, "write_floor"), ["-pthread"])
    if write_floor_note:
        log(f"write floor skipped: {write_floor_note}")
    floors = (floor_binary, write_floor_binary)

    results = []
    loads = [load_average()]
    for pages in sizes:
        results.append(run_size(pages, runs, args, wegwijzer, hugo, floors, work))
        loads.append(load_average())
    if args.scale and not args.smoke and SCALE_PAGES not in sizes:
        scale_hugo = hugo
        known = [r for r in results if "hugo" in r["tools"]]
        if hugo and known:
            # Hugo's memory grows with the site (1.4 GB at 10k pages): estimate it at 100k from the
            # largest size measured and skip Hugo rather than push a shared machine into the OOM
            # killer.
            largest = max(known, key=lambda r: r["pages"])
            need = largest["tools"]["hugo"]["rss_mb"] * SCALE_PAGES / largest["pages"] * 1.25
            avail = mem_available_mb()
            if need > avail / 2:
                log(f"Hugo skipped at {SCALE_PAGES} pages: it would need about "
                    f"{need / 1024:.1f} GB (from {largest['pages']} pages), "
                    f"{avail / 1024:.1f} GB available")
                scale_hugo = None
        results.append(run_size(SCALE_PAGES, args.scale_runs, args, wegwijzer, scale_hugo,
                                floors, work, with_j1=False))
        loads.append(load_average())
    log(f"load average at the end: {load_average()}")
    remove_retired(work)
    built = all(r["ok"] for r in results)
    if built:
        report(results, args, floor_note, hugo, loads)
    else:
        log("no report: a build failed (see FAIL above)")

    ok = built and all(r.get("identical", True) for r in results)
    log()
    log("RESULT: " + ("ok" if ok else "FAILED (a build failed or --jobs outputs differ)"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
