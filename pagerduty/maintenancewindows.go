package pagerduty

// MaintenanceWindowsService reads and changes maintenance windows: periods
// in which a service opens no incidents.
type MaintenanceWindowsService service
