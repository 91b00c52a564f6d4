// JPEG 2000 decoding through OpenJPEG (filled in by pixel decoding work).
