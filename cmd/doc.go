// Package cmd is the rxvoice command line: one file per command, one file per output
// format. It is the only package that reads flags, prints, or decides the exit code.
package cmd
