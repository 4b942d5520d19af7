/** Diagnostic source of every finding. */
export const DIAGNOSTIC_SOURCE = 'mosquitto';
/** Rule id of the summary shown on an include_dir line when included files have errors. */
export const INCLUDED_FILE_ERRORS = 'included-file-errors';
/** Column-0 comment that silences rules on the next line. */
export const SUPPRESSION_COMMENT = 'mosquitto-lint-disable-next-line';
