package pdtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// clock is a test clock that a test moves forward.
type clock struct{ ns atomic.Int64 }

func newClock(t time.Time) *clock {
	c := &clock{}
	c.ns.Store(t.UnixNano())
	return c
}

func (c *clock) now() time.Time          { return time.Unix(0, c.ns.Load()).UTC() }
func (c *clock) advance(d time.Duration) { c.ns.Add(int64(d)) }

func TestSnoozeExpires(t *testing.T) {
	clk := newClock(testNow)
	s := NewServer(WithData(small()), WithNow(clk.now))
	defer s.Close()
	from := []string{"From", "u2@example.com"}
	_, m := call(t, s, "POST", "/incidents", map[string]any{"incident": map[string]any{"type": "incident", "title": "Queue stuck",
		"service": map[string]any{"id": "PV00001", "type": "service_reference"}}}, from...)
	id := str(m, "incident", "id")
	call(t, s, "POST", "/incidents/"+id+"/snooze", map[string]any{"duration": 60}, from...)
	clk.advance(59 * time.Second)
	if _, m := call(t, s, "GET", "/incidents/"+id, nil); str(m, "incident", "status") != "acknowledged" {
		t.Fatalf("before the end of the snooze: %v", str(m, "incident", "status"))
	}
	clk.advance(2 * time.Second)
	_, m = call(t, s, "GET", "/incidents?statuses[]=triggered", nil)
	if got := items(m, "incidents"); len(got) != 1 || got[0]["id"] != id {
		t.Fatalf("after the snooze: %v", got)
	}
	if types := logTypes(t, s, id); types[len(types)-1] != "unacknowledge_log_entry" {
		t.Fatalf("log: %v", types)
	}
}

func TestBulkUpdateIsAllOrNothing(t *testing.T) {
	s := newSmall(t)
	from := []string{"From", "u1@example.com"}
	_, m := call(t, s, "POST", "/incidents", map[string]any{"incident": map[string]any{"type": "incident", "title": "A",
		"service": map[string]any{"id": "PV00001", "type": "service_reference"}}}, from...)
	a := str(m, "incident", "id")
	st, m := call(t, s, "PUT", "/incidents", map[string]any{"incidents": []any{
		map[string]any{"id": a, "type": "incident_reference", "status": "acknowledged"},
		map[string]any{"id": a, "type": "incident_reference", "status": "sleeping"},
	}}, from...)
	if st != 400 || errCode(m) != CodeInvalidInput {
		t.Fatalf("bad bulk: %d %v", st, m)
	}
	if _, m := call(t, s, "GET", "/incidents/"+a, nil); str(m, "incident", "status") != "triggered" {
		t.Fatal("a refused bulk update changed an incident")
	}
}

// send is a request that any goroutine may make.
func send(s *Server, method, path string, body any) (int, error) {
	b, err := json.Marshal(body)
	if err != nil {
		return 0, err
	}
	req, err := http.NewRequest(method, s.URL+path, bytes.NewReader(b))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Authorization", "Token token="+s.Token())
	resp, err := s.Client().Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, err
}

// Many clients at once: run with -race.
func TestConcurrentClients(t *testing.T) {
	s := newSmall(t)
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 10 {
				key := fmt.Sprintf("w%d-%d", w, i)
				for _, step := range []struct {
					method, path string
					body         any
					want         int
				}{
					{"POST", "/v2/enqueue", event("trigger", key), 202},
					{"GET", "/incidents?limit=5&incident_key=" + key, nil, 200},
					{"POST", "/v2/enqueue", event("resolve", key), 202},
				} {
					if st, err := send(s, step.method, step.path, step.body); err != nil || st != step.want {
						errs <- fmt.Errorf("%s %s: %d %v", step.method, step.path, st, err)
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	d := s.Data()
	if len(d.Incidents) != 80 {
		t.Fatalf("%d incidents, want 80", len(d.Incidents))
	}
	seen := map[int]bool{}
	for _, inc := range d.Incidents {
		if seen[inc.Number] || inc.Status != StatusResolved {
			t.Fatalf("incident #%d: duplicate number or not resolved (%s)", inc.Number, inc.Status)
		}
		seen[inc.Number] = true
	}
}
