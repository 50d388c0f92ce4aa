package corpus

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkReadPages reads the pages of $RXVOICE_CORPUS (or the test pages): the page
// reader alone, MB/s.
func BenchmarkReadPages(b *testing.B) {
	dir := os.Getenv("RXVOICE_CORPUS")
	if dir == "" {
		dir = "../testdata/pages"
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "*"))
	var size int64
	for _, p := range paths {
		if fi, err := os.Stat(p); err == nil {
			size += fi.Size()
		}
	}
	b.SetBytes(size)
	for i := 0; i < b.N; i++ {
		for _, p := range paths {
			ReadFile(p, Options{})
		}
	}
}
