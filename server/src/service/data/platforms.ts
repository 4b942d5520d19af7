import type { Platform } from '../types';

/** Something a directive does differently on some operating systems. */
export interface PlatformNote {
  /** The platforms the note is about. */
  readonly platforms: readonly Platform[];
  /** In our words; markdown code spans allowed. */
  readonly note: string;
  /** The broker refuses the directive on these platforms (completion leaves it out there). */
  readonly unsupported?: boolean;
}

/** Platform notes per directive (shown in hover; `unsupported` also filters completion). */
export const PLATFORM_NOTES: Readonly<Record<string, readonly PlatformNote[]>> = {
  bind_interface: [{ platforms: ['windows', 'macos'], note: 'Needs `SO_BINDTODEVICE`, which in practice only Linux builds have; elsewhere the broker refuses the option.', unsupported: true }],
  log_facility: [{ platforms: ['windows'], note: 'Not supported on Windows: the broker ignores it with a warning.' }],
  user: [{ platforms: ['windows'], note: 'Has no effect on Windows.' }],
  log_dest: [{ platforms: ['windows'], note: 'A Windows service cannot log to only `stdout` or only `stderr`, and logs nowhere by default.' }],
  socket_domain: [{ platforms: ['windows'], note: 'Windows websockets listeners have been seen binding to IPv6 only; `socket_domain ipv4` makes them reachable over IPv4.' }],
  protocol: [{ platforms: ['windows'], note: '`websockets` on Windows binds beyond localhost only from 1.5.4, and usually needs `socket_domain ipv4` on the same listener.' }],
};

/** Platform notes of a directive. */
export function platformNotes(name: string): readonly PlatformNote[] {
  return PLATFORM_NOTES[name] ?? [];
}

/** Whether the broker refuses the directive on this platform. */
export function unsupportedOn(name: string, platform: Platform): boolean {
  return platformNotes(name).some((n) => n.unsupported === true && n.platforms.includes(platform));
}
