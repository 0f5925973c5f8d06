package events_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/pdkit/pdkit/pagerduty/events"
)

func TestRoutingKeyNeverPrints(t *testing.T) {
	ev := trigger()
	ev.RoutingKey = testKey
	outputs := map[string]string{}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d", "%10s"} {
		outputs["fmt "+verb+" key"] = fmt.Sprintf(verb, ev.RoutingKey)
		outputs["fmt "+verb+" event"] = fmt.Sprintf(verb, ev)
		outputs["fmt "+verb+" pointer"] = fmt.Sprintf(verb, &ev)
	}
	outputs["String"] = ev.RoutingKey.String()
	b, err := json.Marshal(ev)
	if err != nil {
		t.Fatal(err)
	}
	outputs["json"] = string(b)
	var text, js bytes.Buffer
	slog.New(slog.NewTextHandler(&text, nil)).Info("sending", "key", ev.RoutingKey, "event", ev)
	slog.New(slog.NewJSONHandler(&js, nil)).Info("sending", "key", ev.RoutingKey, "event", ev)
	outputs["slog text"] = text.String()
	outputs["slog json"] = js.String()

	for name, out := range outputs {
		if strings.Contains(out, testKey) || strings.Contains(out, fmt.Sprintf("%x", testKey)) {
			t.Errorf("%s shows the routing key: %s", name, out)
		}
	}
	if !strings.Contains(outputs["fmt %v key"], events.RedactedRoutingKey) {
		t.Errorf("%%v = %q, want the redacted form", outputs["fmt %v key"])
	}
	if !strings.Contains(outputs["json"], `"RoutingKey":"`+events.RedactedRoutingKey+`"`) {
		t.Errorf("json = %s, want the key redacted", outputs["json"])
	}
}

func TestEmptyRoutingKeyPrintsEmpty(t *testing.T) {
	var k events.RoutingKey
	if s := fmt.Sprint(k); s != "" {
		t.Errorf("empty key prints %q, want nothing (a missing key should look missing)", s)
	}
}
