package cassette

import (
	"fmt"
	"strings"
)

// Mode says whether a cassette answers from disk or records a live server.
type Mode int

const (
	// Replay answers every request from the cassette file and never touches
	// the network. A request with no recorded interaction fails the test.
	// It is the default, and the only mode CI uses.
	Replay Mode = iota
	// Record sends requests to a live server (the mock or PagerDuty itself)
	// and overwrites the cassette file when the test ends successfully.
	Record
)

// String returns "replay" or "record".
func (m Mode) String() string {
	switch m {
	case Replay:
		return "replay"
	case Record:
		return "record"
	default:
		return fmt.Sprintf("Mode(%d)", int(m))
	}
}

// modeFromEnv interprets the value of PDKIT_RECORD.
func modeFromEnv(v string) (Mode, error) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "", "0", "false", "no":
		return Replay, nil
	case "1", "true", "yes":
		return Record, nil
	default:
		return Replay, fmt.Errorf("%s=%q is not understood: use 1 (or true) to record, 0 (or false, or unset) to replay", EnvRecord, v)
	}
}
