package pagerduty

// SchedulesService reads and changes on-call schedules, their overrides, and
// renders who is on call over a window.
type SchedulesService service

// SchedulesV3Service reads and changes schedules through the v3 schedules
// API: rotations, their events, custom shifts and overrides.
type SchedulesV3Service service
