/** Ghost's error types, each with the status Ghost answers it with. */
export type ContentApiErrorType = 'BadRequestError' | 'UnauthorizedError' | 'NotFoundError' | 'TooManyRequestsError' | 'InternalServerError';

const STATUSES: Record<ContentApiErrorType, number> = {
  BadRequestError: 400,
  UnauthorizedError: 401,
  NotFoundError: 404,
  TooManyRequestsError: 429,
  InternalServerError: 500,
};

/** A refusal the Content API answers in Ghost's shape: `{ errors: [{ message, context, type }] }`. */
export class ContentApiError extends Error {
  readonly status: number;

  constructor(
    readonly type: ContentApiErrorType,
    message: string,
    readonly context: string | null = null,
  ) {
    super(message);
    this.name = type;
    this.status = STATUSES[type];
  }

  toBody(): { errors: { message: string; context: string | null; type: ContentApiErrorType }[] } {
    return { errors: [{ message: this.message, context: this.context, type: this.type }] };
  }
}
