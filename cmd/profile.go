package cmd

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"

	"github.com/spf13/cobra"
)

// addProfileFlags adds the hidden --cpuprofile and --memprofile flags, which write
// pprof profiles of a whole run (go tool pprof rxvoice FILE): how the speed figures
// in the README were broken down.
func addProfileFlags(root *cobra.Command) {
	var cpu, mem string
	var cpuFile *os.File
	f := root.PersistentFlags()
	f.StringVar(&cpu, "cpuprofile", "", "write a CPU profile to `FILE`")
	f.StringVar(&mem, "memprofile", "", "write an allocation profile to `FILE` at exit")
	_ = f.MarkHidden("cpuprofile")
	_ = f.MarkHidden("memprofile")
	root.PersistentPreRunE = func(c *cobra.Command, args []string) error {
		if cpu == "" {
			return nil
		}
		out, err := os.Create(cpu)
		if err != nil {
			return usagef("--cpuprofile: %v", err)
		}
		if err := pprof.StartCPUProfile(out); err != nil {
			out.Close()
			return usagef("--cpuprofile: %v", err)
		}
		cpuFile = out
		return nil
	}
	root.PersistentPostRunE = func(c *cobra.Command, args []string) error {
		if cpuFile != nil {
			pprof.StopCPUProfile()
			if err := cpuFile.Close(); err != nil {
				return fmt.Errorf("--cpuprofile: %w", err)
			}
		}
		if mem == "" {
			return nil
		}
		out, err := os.Create(mem)
		if err != nil {
			return fmt.Errorf("--memprofile: %w", err)
		}
		defer out.Close()
		runtime.GC()
		return pprof.Lookup("allocs").WriteTo(out, 0)
	}
}
