package lsp

import (
	"context"
	"encoding/json"
)

func (s *Server) hover(params json.RawMessage) (func(context.Context) (any, *rpcError), *rpcError) {
	var p textDocumentPositionParams
	if err := decodeParams(params, &p); err != nil {
		return nil, err
	}
	if _, err := s.snapshot(p.TextDocument.URI); err != nil {
		return nil, err
	}
	return func(context.Context) (any, *rpcError) { return nil, nil }, nil
}

func (s *Server) completion(params json.RawMessage) (func(context.Context) (any, *rpcError), *rpcError) {
	var p textDocumentPositionParams
	if err := decodeParams(params, &p); err != nil {
		return nil, err
	}
	if _, err := s.snapshot(p.TextDocument.URI); err != nil {
		return nil, err
	}
	return func(context.Context) (any, *rpcError) { return nil, nil }, nil
}

func (s *Server) codeAction(params json.RawMessage) (func(context.Context) (any, *rpcError), *rpcError) {
	var p codeActionParams
	if err := decodeParams(params, &p); err != nil {
		return nil, err
	}
	if _, err := s.snapshot(p.TextDocument.URI); err != nil {
		return nil, err
	}
	return func(context.Context) (any, *rpcError) { return nil, nil }, nil
}
