/**
 * Static assets a browser fetches beside the API calls: images, fonts, stylesheets, scripts and
 * media. A load test of a service usually leaves them to a CDN, so `volley convert` drops them
 * unless `--include-static`. Judged by the response's mime type first, then by the extension.
 */

const STATIC_MIME = /^(image|font|audio|video)\/|^text\/css|javascript|ecmascript|^application\/(font|x-font|wasm)|^application\/vnd\.ms-fontobject/i;
const STATIC_EXTENSION =
  /\.(png|jpe?g|gif|webp|avif|svg|ico|bmp|tiff?|woff2?|ttf|otf|eot|css|m?js|map|mp4|webm|ogg|mp3|wav|m4a|flac|wasm)$/i;

export function isStaticAsset(path: string, mimeType: string | undefined): boolean {
  if (mimeType !== undefined && mimeType !== '' && STATIC_MIME.test(mimeType)) return true;
  return STATIC_EXTENSION.test(path);
}
