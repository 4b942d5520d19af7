// The `Buffer` global in the browser bundles.
export { Buffer } from 'buffer';
