import { certificatePairRule } from '../engine/certificatePair';

/** A listener with `keyfile` but no `certfile` (section rule over the active listeners). */
export default certificatePairRule('tls-keyfile-without-certfile', "Listener with 'keyfile' but no 'certfile'", 'certfile');
