package webhooks

import (
	"context"
	"errors"
	"sync"
	"testing"
)

func TestMuxRoutesByEventType(t *testing.T) {
	var got []string
	record := func(name string) func(context.Context, *Event) error {
		return func(_ context.Context, ev *Event) error {
			got = append(got, name+":"+ev.ID)
			return nil
		}
	}
	var m Mux
	m.Handle(IncidentTriggered, record("triggered"))
	m.Handle(IncidentResolved, record("resolved"))
	ctx := context.Background()
	for _, ev := range []*Event{
		{ID: "1", EventType: IncidentTriggered},
		{ID: "2", EventType: IncidentResolved},
		{ID: "3", EventType: IncidentAcknowledged}, // no route, no fallback: ignored
	} {
		if err := m.HandleEvent(ctx, ev); err != nil {
			t.Fatal(err)
		}
	}
	m.HandleOther(record("other"))
	_ = m.HandleEvent(ctx, &Event{ID: "4", EventType: "incident.brand_new"})
	m.Handle(IncidentTriggered, nil) // remove the route
	_ = m.HandleEvent(ctx, &Event{ID: "5", EventType: IncidentTriggered})

	want := []string{"triggered:1", "resolved:2", "other:4", "other:5"}
	if len(got) != len(want) {
		t.Fatalf("calls = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("calls = %v, want %v", got, want)
		}
	}
}

func TestMuxReturnsCallbackError(t *testing.T) {
	boom := errors.New("ticket system down")
	var m Mux
	m.Handle(PageyPing, func(context.Context, *Event) error { return boom })
	if err := m.HandleEvent(context.Background(), &Event{EventType: PageyPing}); !errors.Is(err, boom) {
		t.Fatalf("error = %v, want %v", err, boom)
	}
}

func TestMuxZeroValueAndNilEvent(t *testing.T) {
	var m Mux
	if err := m.HandleEvent(context.Background(), &Event{EventType: IncidentTriggered}); err != nil {
		t.Fatal(err)
	}
	if err := m.HandleEvent(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
}

func TestMuxConcurrentUse(t *testing.T) {
	var m Mux
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			m.Handle(EventTypes()[i], func(context.Context, *Event) error { return nil })
		}()
		go func() {
			defer wg.Done()
			_ = m.HandleEvent(context.Background(), &Event{EventType: EventTypes()[i]})
		}()
	}
	wg.Wait()
}
