import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import { DomainError } from '@api/platform/http/domain-error';
import { StorageUnavailableError } from '@api/platform/storage/document-storage';
import { uploadError } from './upload.interceptor';

describe('uploadError', () => {
  it('answers multer’s size limit with 413', () => {
    const error = uploadError(new PayloadTooLargeException('File too large')) as DomainError;
    expect(error).toBeInstanceOf(DomainError);
    expect(error.status).toBe(413);
    expect(error.message).toBe('A document may not exceed 10 MB');
  });

  it('answers multer’s other refusals with 400, saying what was wrong', () => {
    const error = uploadError(new BadRequestException('Unexpected file field - document')) as DomainError;
    expect(error.status).toBe(400);
    expect(error.message).toBe('Invalid multipart body: Unexpected file field - document');
  });

  it('answers anything else the parser throws with 400, never 500, and without its message', () => {
    const error = uploadError(
      new Error('Request aborted at /srv/passerelle/node_modules/busboy'),
    ) as DomainError;
    expect(error.status).toBe(400);
    expect(error.message).toBe('Invalid multipart body');
  });

  it('keeps domain errors as they are, and an unreachable storage (503, not 400)', () => {
    const original = new DomainError('FORBIDDEN', 'no');
    expect(uploadError(original)).toBe(original);
    const unavailable = new StorageUnavailableError('ECONNREFUSED');
    expect(uploadError(unavailable)).toBe(unavailable);
  });
});
