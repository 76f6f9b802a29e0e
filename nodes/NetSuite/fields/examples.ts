// The JSON the descriptions show, in one place so a test can parse each example and send it to
// NetSuite (the emulator). NetSuite's references are {"id": …} with a lower-case key; written
// inline, n8n's casing rule for prose ("ID") would make them examples NetSuite refuses.
export const REFERENCE_EXAMPLE = '{"id": "1"}';
export const FULFILLMENT_BODY_EXAMPLE = '{"memo": "Shipped by n8n", "shipStatus": {"id": "C"}}';
