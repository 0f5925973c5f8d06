package eventrules

import "testing"

func TestRoutingKeyShapeOK(t *testing.T) {
	for k, want := range map[string]bool{
		"R0123456789abcdef0123456789abcde": true,
		"abc":                              true,
		"R0123 456":                        false,
		"R0123456\n":                       false,
		"R0123\x00":                        false,
		"clé":                              false,
	} {
		if got := RoutingKeyShapeOK(k); got != want {
			t.Errorf("RoutingKeyShapeOK(%q) = %v, want %v", k, got, want)
		}
	}
}

func TestURLOK(t *testing.T) {
	for _, tc := range []struct {
		raw       string
		httpsOnly bool
		want      bool
	}{
		{"https://example.com/a.png", true, true},
		{"http://example.com/a.png", true, false},
		{"http://example.com/deploy/1", false, true},
		{"ftp://example.com/x", false, false},
		{"/relative/path", false, false},
		{"https://", false, false},
		{"https://exa mple.com", false, false},
		{"", false, false},
	} {
		if got := URLOK(tc.raw, tc.httpsOnly); got != tc.want {
			t.Errorf("URLOK(%q, %v) = %v, want %v", tc.raw, tc.httpsOnly, got, tc.want)
		}
	}
}
