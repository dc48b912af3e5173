import { LoginRequest } from '@allot/shared';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { errorsFromApi, errorsFromZod, fieldFromIssuePath } from './form-errors';

const FIELDS = ['email', 'password'] as const;

describe('form errors', () => {
  it('reads the field name from the server issue path however it is spelled', () => {
    expect(fieldFromIssuePath('email')).toBe('email');
    expect(fieldFromIssuePath('body.email')).toBe('email');
    expect(fieldFromIssuePath('/body/email')).toBe('email');
    expect(fieldFromIssuePath('')).toBe('');
  });

  it('puts server field issues on their fields and the rest in the summary', () => {
    const error = new ApiError({
      statusCode: 400,
      error: 'Bad Request',
      message: 'The request body is not valid',
      requestId: 'req-1',
      issues: [
        { path: 'email', message: 'Enter a valid email address' },
        { path: 'nickname', message: 'This field is not allowed' },
      ],
    });
    expect(errorsFromApi(error, FIELDS)).toEqual({
      fields: { email: 'Enter a valid email address' },
      general: ['This field is not allowed'],
    });
  });

  it('shows the server message when the answer names no field', () => {
    const error = new ApiError({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'The email address or password is wrong',
      requestId: 'req-2',
    });
    expect(errorsFromApi(error, FIELDS)).toEqual({ fields: {}, general: ['The email address or password is wrong'] });
  });

  it('keeps the first schema message per field and lets the form reword it', () => {
    const result = LoginRequest.safeParse({ email: '', password: '' });
    expect(result.success).toBe(false);
    if (result.success) return;
    const errors = errorsFromZod(result.error, FIELDS, (field) => (field === 'email' ? 'Enter your email address' : undefined));
    expect(errors).toEqual({
      fields: { email: 'Enter your email address', password: 'Enter your password' },
      general: [],
    });
  });
});
