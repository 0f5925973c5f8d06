package bench

import (
	"runtime"
	"runtime/metrics"
	"sync"
	"time"
)

// heapWatch samples the heap while a listing runs: the bytes of heap objects
// (live or not yet collected), every 200µs, from a baseline taken after a
// collection.
type heapWatch struct {
	base uint64
	peak uint64
	stop chan struct{}
	wg   sync.WaitGroup
}

const heapObjects = "/memory/classes/heap/objects:bytes"

func readHeap(s []metrics.Sample) uint64 {
	metrics.Read(s)
	return s[0].Value.Uint64()
}

func watchHeap() *heapWatch {
	runtime.GC()
	s := []metrics.Sample{{Name: heapObjects}}
	w := &heapWatch{base: readHeap(s), stop: make(chan struct{})}
	w.peak = w.base
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		s := []metrics.Sample{{Name: heapObjects}}
		t := time.NewTicker(200 * time.Microsecond)
		defer t.Stop()
		for {
			w.peak = max(w.peak, readHeap(s))
			select {
			case <-w.stop:
				return
			case <-t.C:
			}
		}
	}()
	return w
}

// done stops sampling and returns the peak above the baseline, in bytes.
func (w *heapWatch) done() uint64 {
	close(w.stop)
	w.wg.Wait()
	s := []metrics.Sample{{Name: heapObjects}}
	return max(w.peak, readHeap(s)) - w.base
}

// retained returns the heap kept alive above the baseline, after a
// collection: what the listing holds on to.
func (w *heapWatch) retained() uint64 {
	runtime.GC()
	s := []metrics.Sample{{Name: heapObjects}}
	return readHeap(s) - min(readHeap(s), w.base)
}
