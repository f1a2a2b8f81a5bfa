/** The one error format of the API. */
export interface ApiError {
  statusCode: number;
  error: string;
  message: string;
  /** On 400: the invalid fields. */
  details?: FieldError[];
}

export interface FieldError {
  field: string;
  message: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface HealthStatus {
  status: 'ok' | 'unavailable';
}
