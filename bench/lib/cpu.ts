/**
 * CPU accounting from /proc (Linux; every function returns null elsewhere). Per-request CPU of a proxy shows
 * where its cost goes even when wall-clock latency is blurred by processes sharing the cores, and the machine's
 * total against our own processes' shows when something else (another job, the hypervisor's steal) was running
 * during a cell and its figures should not be trusted.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let clockTicks: number | null = null;

/** USER_HZ, the unit of /proc CPU times (100 on every common Linux build; asked once to be sure). */
function ticksPerSecond(): number {
  if (clockTicks === null) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** CPU seconds (user + system, all threads including GC and libuv workers) a process has used so far. */
export function processCpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name (which may contain spaces): state is field 3, utime and
    // stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond();
  } catch {
    return null;
  }
}

/**
 * CPU seconds the whole machine has spent in processes so far, over all cores, plus steal (time the hypervisor
 * gave to someone else, lost to us). Interrupt and softirq time are left out: here they are mostly the kernel
 * moving our own loopback traffic, which no process is charged for, and counting them would flag every busy
 * cell as disturbed.
 */
export function machineBusySeconds(): number | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
    // cpu user nice system idle iowait irq softirq steal (guest time is already inside user)
    const [user, nice, system, , , , , steal] = line.trim().split(/\s+/).slice(1).map(Number);
    const busy = [user, nice, system, steal].reduce<number>((sum, v) => sum + (v ?? 0), 0);
    return busy / ticksPerSecond();
  } catch {
    return null;
  }
}

/** Sums processCpuSeconds over several processes, or null when any is unknown. */
export function totalCpuSeconds(pids: ReadonlyArray<number | undefined>): number | null {
  let total = 0;
  for (const pid of pids) {
    const s = processCpuSeconds(pid);
    if (s === null) return null;
    total += s;
  }
  return total;
}
