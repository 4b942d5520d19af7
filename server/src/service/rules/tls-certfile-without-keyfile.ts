import { certificatePairRule } from '../engine/certificatePair';

/** A listener with `certfile` but no `keyfile` (section rule over the active listeners). */
export default certificatePairRule('tls-certfile-without-keyfile', "Listener with 'certfile' but no 'keyfile'", 'keyfile');
