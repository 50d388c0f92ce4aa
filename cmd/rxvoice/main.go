// Command rxvoice extracts what patients report about their medicines from comment pages.
package main

import (
	"os"

	"github.com/rxvoice/rxvoice/cmd"
)

func main() {
	os.Exit(int(cmd.Main()))
}
