import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page } from '@passerelle/shared/domain';

const QueryInt = (min: number, max: number, fallback: number, description: string) =>
  applyDecorators(
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(min),
    Max(max),
    ApiPropertyOptional({ type: Number, minimum: min, maximum: max, default: fallback, description }),
  );

/** `?page=1&pageSize=20`; pageSize above 100 is a 400 (API.md). */
export class PageQueryDto {
  @QueryInt(1, 1_000_000, 1, 'Page number, from 1') page?: number;
  @QueryInt(1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, `Items per page, at most ${MAX_PAGE_SIZE}`)
  pageSize?: number;
}

export interface PageRequest {
  page: number;
  pageSize: number;
  offset: number;
}

export function pageRequest(query: PageQueryDto): PageRequest {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  return { page, pageSize, offset: (page - 1) * pageSize };
}

export function toPage<T>(items: T[], total: number, request: PageRequest): Page<T> {
  return { items, total, page: request.page, pageSize: request.pageSize };
}
