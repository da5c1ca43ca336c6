/**
 * Preloaded (`node -r`) into a process the hostile bench measures: at exit, writes the process's
 * peak resident memory in kilobytes to the file named by VFM_RSS_FILE.
 */
import * as fs from "fs";

const target = process.env.VFM_RSS_FILE;
if (target) {
  process.on("exit", () => {
    try {
      // VmHWM is this program's own high-water mark; maxRSS on Linux starts from the parent's
      // size at fork, so it would charge the child for the generator's memory.
      const status = fs.existsSync("/proc/self/status") ? fs.readFileSync("/proc/self/status", "utf8") : "";
      const hwm = /^VmHWM:\s*(\d+)\s*kB/m.exec(status);
      fs.writeFileSync(target, hwm ? hwm[1] : String(process.resourceUsage().maxRSS));
    } catch {
      // Measuring must never change what the measured process does.
    }
  });
}
