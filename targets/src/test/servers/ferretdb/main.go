// Command ferretdb-test runs FerretDB v1 (a MongoDB wire-protocol server) with its SQLite backend,
// through FerretDB's own embedding package, for the tests of the generated MongoDB scripts.
//
// It exists because `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2` builds a binary
// that panics at start: the module on the proxy lacks the generated build/version/version.txt,
// which FerretDB checks only when it is the main module. Here it is a dependency.
//
// Usage: ferretdb-test -listen 127.0.0.1:PORT -sqlite DIR
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on")
	dir := flag.String("sqlite", "", "folder for the SQLite databases (required)")
	flag.Parse()
	if *dir == "" {
		log.Fatal("-sqlite is required")
	}
	abs, err := filepath.Abs(*dir)
	if err != nil {
		log.Fatal(err)
	}
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Handler:   "sqlite",
		SQLiteURL: "file:" + abs + "/",
	})
	if err != nil {
		log.Fatal(err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	done := make(chan error, 1)
	go func() { done <- f.Run(ctx) }()
	// The listener is bound once Run has started; the tests poll the port as well.
	fmt.Println("ferretdb-test: serving", f.MongoDBURI())
	if err := <-done; err != nil && ctx.Err() == nil {
		log.Fatal(err)
	}
}
